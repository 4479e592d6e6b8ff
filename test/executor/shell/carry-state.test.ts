import { afterEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from './helpers.js';

let t: TestSession;
afterEach(async () => t.dispose());

describe('state carried from cell to cell', () => {
  it('carries an unexported variable, which child processes do not see', async () => {
    t = createTestSession();
    await t.run('plain=1');
    const next = await t.run('echo "$plain"; bash -c \'echo "[${plain-}]"\'');
    expect(next.stdout).toBe('1\n[]\n');
  });

  it('carries an exported variable to child processes of the next cell', async () => {
    t = createTestSession();
    await t.run('export REGION=eu-west-1');
    expect((await t.run('bash -c \'echo "$REGION"\'')).stdout).toBe('eu-west-1\n');
  });

  it('carries functions, exported functions and aliases', async () => {
    t = createTestSession();
    await t.run('greet() { echo "hi $1"; }\nchild() { echo child-ran; }\nexport -f child\nshopt -s expand_aliases\nalias hey="echo hey-alias"');
    expect((await t.run('greet bob; bash -c child; hey')).stdout).toBe('hi bob\nchild-ran\nhey-alias\n');
  });

  it('carries arrays, associative arrays and attributes', async () => {
    t = createTestSession();
    await t.run("list=(one 'two words'); declare -A map=([k]='v v'); declare -i n=5; readonly R=r");
    const next = await t.run('n+=1; echo "${list[1]}|${#list[@]}|${map[k]}|$n|$R"');
    expect(next.stdout).toBe('two words|2|v v|6|r\n');
  });

  it('carries the working directory of a cell that cds', async () => {
    t = createTestSession();
    await t.run('cd /tmp');
    expect(t.session.cwd()).toBe('/tmp');
    expect((await t.run('pwd')).stdout).toBe('/tmp\n');
    expect((await t.run('cd - >/dev/null; pwd')).stdout).toBe(`${t.dir}\n`);
  });

  it('carries set -o and shopt options, but not errexit', async () => {
    t = createTestSession();
    await t.run('shopt -s extglob; set +e');
    expect((await t.run('case abc in a@(b|x)c) echo extglob-on ;; esac')).stdout).toBe('extglob-on\n');
    expect((await t.run('false; echo not-reached')).exitCode).toBe(1);
    await t.run('set -u');
    const unbound = await t.run('echo "$never_set"');
    expect(unbound.exitCode).toBe(1);
    expect(unbound.stderr).toMatch(/never_set: unbound variable/);
  });

  it('keeps unsetting an inherited variable, and forgets it when set again', async () => {
    t = createTestSession({ env: { PATH: process.env.PATH ?? '', KEEP: 'inherited' } });
    await t.run('unset KEEP');
    expect((await t.run('echo "${KEEP-gone}"')).stdout).toBe('gone\n');
    await t.run('export KEEP=back');
    expect((await t.run('bash -c \'echo "$KEEP"\'')).stdout).toBe('back\n');
  });

  it('saves the state of a cell that fails under set -e', async () => {
    t = createTestSession();
    const failed = await t.run('x=before\nfalse\nx=after');
    expect(failed.exitCode).toBe(1);
    expect(failed.stateSaved).toBe(true);
    expect((await t.run('echo "$x"')).stdout).toBe('before\n');
  });

  it('ends a cell that exits with its code and still saves its state', async () => {
    t = createTestSession();
    const exited = await t.run('y=5\ncd /tmp\nexit 3\necho not-reached');
    expect(exited).toMatchObject({ exitCode: 3, signal: null, stateSaved: true, stdout: '' });
    expect((await t.run('echo "$y $PWD"')).stdout).toBe('5 /tmp\n');
  });

  it('runs a cell’s own EXIT trap after saving, with the exit status intact', async () => {
    t = createTestSession();
    const trapped = await t.run('trap \'echo "trap saw $?"\' EXIT\ntrap -p EXIT\nz=9\nexit 4');
    expect(trapped.exitCode).toBe(4);
    expect(trapped.stdout).toBe('trap -- \'echo "trap saw $?"\' EXIT\ntrap saw 4\n');
    expect((await t.run('echo "$z"; trap -p EXIT')).stdout).toBe('9\n');
  });

  it('shows the cell’s own traps, not litops’s', async () => {
    t = createTestSession();
    const listed = await t.run("trap 'echo int' INT\ntrap 'echo bye' EXIT\ntrap -p\ntrap\ntrap - EXIT\ntrap -p EXIT");
    const lines = ["trap -- 'echo int' SIGINT", "trap -- 'echo bye' EXIT"];
    expect(listed.stdout).toBe(`${[...lines, ...lines].join('\n')}\n`);
  });

  it('lets an EXIT trap change the exit code, and keeps subshell traps in the subshell', async () => {
    t = createTestSession();
    expect(await t.run("trap 'exit 7' EXIT; v=1")).toMatchObject({ exitCode: 7, stateSaved: true });
    const sub = await t.run('( trap "echo sub-exit" EXIT; w=1 ); echo "[${w-}]"');
    expect(sub.stdout).toBe('sub-exit\n[]\n');
    expect((await t.run('echo "$v ${w-none}"')).stdout).toBe('1 none\n');
  });

  it('keeps the previous state when bash is killed before saving', async () => {
    t = createTestSession();
    await t.run('x=kept');
    const killed = await t.run('x=lost; cd /tmp; kill -9 $$');
    expect(killed).toMatchObject({ exitCode: null, signal: 'SIGKILL', stateSaved: false });
    expect((await t.run('echo "$x $PWD"')).stdout).toBe(`kept ${t.dir}\n`);
  });

  it('does not share state between two sessions', async () => {
    t = createTestSession();
    const other = createTestSession();
    try {
      await t.run('SHARED=1; only_here() { :; }; cd /tmp');
      const seen = await other.run('echo "${SHARED-none}"; type only_here >/dev/null 2>&1 || echo no-function; pwd');
      expect(seen.stdout).toBe(`none\nno-function\n${other.dir}\n`);
    } finally {
      await other.dispose();
    }
  });
});
