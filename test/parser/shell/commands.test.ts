import { describe, expect, test } from 'vitest';
import { analyzeShell, type CommandUse } from '../../../src/parser/shell/index.js';

const summarize = (command: CommandUse) => [...command.wrappers, command.name, ...command.args.map((arg) => arg ?? '<dynamic>')].join(' ');
const commandsOf = (source: string) => analyzeShell(source).commands.map(summarize);

describe('commands', () => {
  test('name, static args, wrappers, text and position', () => {
    expect(analyzeShell('echo start\n  sudo -u postgres psql -d "$DB" -c \'SELECT 1\'').commands).toEqual([
      { name: 'echo', args: ['start'], wrappers: [], stdin: false, text: 'echo start', line: 1, column: 1 },
      {
        name: 'psql',
        args: ['-d', null, '-c', 'SELECT 1'],
        wrappers: ['sudo'],
        stdin: false,
        text: `sudo -u postgres psql -d "$DB" -c 'SELECT 1'`,
        line: 2,
        column: 20,
      },
    ]);
  });

  test.each([
    ['quotes and escapes resolve', `echo "a b" 'c d' e\\ f "x\\"y"`, ['echo a b c d e f x"y']],
    ['a quoted word mixing parts', `echo --name="$USER"-x`, ['echo <dynamic>']],
    ['pipelines and lists', 'a | b && c || d; e &', ['a', 'b', 'c', 'd', 'e']],
    ['command substitution and process substitution', 'diff <(ls a) $(echo b)', ['diff <dynamic> <dynamic>', 'ls a', 'echo b']],
    ['compound commands', 'if true; then x; elif y; then :; fi; while z; do w; done; for i in 1; do v; done', ['true', 'x', 'y', ':', 'z', 'w', 'v']],
    ['function bodies', 'f() { rm -rf /tmp/x; }', ['rm -rf /tmp/x']],
    ['prefix assignments are not commands', 'A=1 B=2 make build; C=3', ['make build']],
    ['dynamic command names are skipped', '$CMD arg; "${TOOLS}/x" y', []],
    ['time keyword', 'time curl -s x', ['curl -s x']],
    ['negation', '! grep -q x file', ['grep -q x file']],
    ['alias bypass', '\\rm -f x', ['rm -f x']],
  ])('%s', (_, source, expected) => {
    expect(commandsOf(source)).toEqual(expected);
  });
});

describe('wrappers', () => {
  test.each([
    ['sudo', 'sudo systemctl restart nginx', ['sudo systemctl restart nginx']],
    ['sudo with options', 'sudo -E -u www-data -H ./deploy.sh --fast', ['sudo ./deploy.sh --fast']],
    ['sudo with attached user', 'sudo -upostgres psql', ['sudo psql']],
    ['sudo -l runs nothing', 'sudo -l', ['sudo -l']],
    ['env with assignments', 'env -i A=1 B=2 node app.js', ['env node app.js']],
    ['nohup', 'nohup ./worker.sh &', ['nohup ./worker.sh']],
    ['timeout with duration', 'timeout -s KILL 5 curl http://x', ['timeout curl http://x']],
    ['xargs', 'find . -name "*.tmp" | xargs -0 -n 10 rm -f', ['find . -name *.tmp', 'xargs rm -f']],
    ['xargs -I', 'ls | xargs -I {} cp {} /backup', ['ls', 'xargs cp {} /backup']],
    ['exec', 'exec -a name node server.js', ['exec node server.js']],
    ['command', 'command -p ls -la', ['command ls -la']],
    ['command -v only looks up', 'command -v psql', ['command -v psql']],
    ['nice and ionice', 'nice -n 10 ionice -c 3 tar czf a.tgz dir', ['nice ionice tar czf a.tgz dir']],
    ['stdbuf', 'stdbuf -oL tail -f log', ['stdbuf tail -f log']],
    ['GNU time', '/usr/bin/time -v make', ['time make']],
    ['nested wrappers', 'sudo timeout 30 nice -n 5 rm -rf /var/cache/x', ['sudo timeout nice rm -rf /var/cache/x']],
    ['watch runs a script', "watch -n 5 'curl -s http://x | jq .a'", ['watch curl -s http://x', 'watch jq .a']],
    ['watch -x runs a command', 'watch -x -n 5 ls -la', ['watch ls -la']],
    ['bash -c script', `bash -c 'cd /srv && rm -rf cache'`, ['bash -c cd /srv && rm -rf cache', 'bash cd /srv', 'bash rm -rf cache']],
    ['sh -ec script', `sudo sh -ec "systemctl stop app"`, ['sudo sh -ec systemctl stop app', 'sudo sh systemctl stop app']],
    ['eval of static text', `eval 'kubectl get pods'`, ['eval kubectl get pods', 'eval kubectl get pods']],
  ])('%s', (_, source, expected) => {
    expect(commandsOf(source)).toEqual(expected);
  });

  test('commands inside a script string get positions inside the string', () => {
    const [outer, inner] = analyzeShell(`bash -c 'rm -rf /tmp/x'`).commands;
    expect(outer).toMatchObject({ name: 'bash', line: 1, column: 1 });
    expect(inner).toMatchObject({ name: 'rm', line: 1, column: 10, text: 'rm -rf /tmp/x' });
  });
});
