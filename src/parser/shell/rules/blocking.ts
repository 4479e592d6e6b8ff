import type { SafetyRule } from './types.js';

const kube = ['kubectl', 'oc', 'k'];
const docker = ['docker', 'podman', 'nerdctl'];
/** Interactive clients that read statements from the terminal when given none. */
const sqlClients = ['psql', 'mysql', 'mariadb', 'mongo', 'mongosh', 'redis-cli', 'sqlite3', 'clickhouse-client', 'cqlsh', 'etcdctl'];
const editors = ['vi', 'vim', 'nvim', 'nano', 'emacs', 'pico', 'joe', 'mcedit', 'visudo', 'vipw', 'less', 'more', 'most', 'htop', 'btop', 'iftop', 'nmon', 'glances', 'k9s', 'tmux', 'screen', 'mc'];
const yes = /^(-y|--yes|--assume-yes|-q|--quiet|--non-interactive|--noninteractive|-f|--force|--auto-approve|-auto-approve|--batch|-b)$/;

/** Commands that never end by themselves, or wait for a person. */
export const blockingRules: readonly SafetyRule[] = [
  { rule: 'follow', commands: ['tail'], anyOption: ['-f', '-F', '--follow'], reason: 'tail -f follows the file until it is stopped' },
  { rule: 'follow', commands: ['journalctl'], anyOption: ['-f', '--follow'], reason: 'journalctl -f follows the journal until it is stopped' },
  { rule: 'follow', commands: kube, path: [['logs']], anyOption: ['-f', '--follow'], reason: '{cmd} logs -f follows the log until it is stopped' },
  { rule: 'follow', commands: docker, path: [['logs']], anyOption: ['-f', '--follow'], reason: '{cmd} logs -f follows the log until it is stopped' },
  { rule: 'follow', commands: docker, path: [['compose'], ['logs']], anyOption: ['-f', '--follow'], reason: '{cmd} compose logs -f follows the logs until it is stopped' },
  { rule: 'follow', commands: ['docker-compose'], path: [['logs']], anyOption: ['-f', '--follow'], reason: 'docker-compose logs -f follows the logs until it is stopped' },
  { rule: 'watch', commands: '*', wrappedBy: ['watch'], reason: 'watch repeats {cmd} until it is stopped' },
  { rule: 'watch', commands: kube, path: [['get', 'rollout', 'events']], anyOption: ['-w', '--watch', '--watch-only'], reason: '{cmd} {0} --watch waits for changes until it is stopped' },
  { rule: 'port-forward', commands: kube, path: [['port-forward', 'proxy', 'attach']], reason: '{cmd} {0} runs until it is stopped' },
  { rule: 'interactive-shell', commands: kube, path: [['exec', 'run', 'attach', 'debug']], anyOption: ['-t', '--tty'], alsoOption: ['-i', '--stdin'], reason: '{cmd} {0} -it attaches the terminal to a shell in the container' },
  { rule: 'interactive-shell', commands: docker, path: [['run', 'exec', 'attach', 'start']], anyOption: ['-t', '--tty'], alsoOption: ['-i', '--interactive'], noOption: ['-d', '--detach'], reason: '{cmd} {0} -it attaches the terminal to the container' },
  { rule: 'foreground-container', commands: docker, path: [['run']], noOption: ['-d', '--detach', '--rm'], reason: '{cmd} run without -d keeps the container in the foreground' },
  { rule: 'foreground-compose', commands: docker, path: [['compose'], ['up']], noOption: ['-d', '--detach'], reason: '{cmd} compose up without -d runs the stack in the foreground' },
  { rule: 'foreground-compose', commands: ['docker-compose'], path: [['up']], noOption: ['-d', '--detach'], reason: 'docker-compose up without -d runs the stack in the foreground' },
  { rule: 'editor', commands: editors, reason: '{cmd} waits for a person at the terminal' },
  { rule: 'editor', commands: ['top', 'atop', 'iotop'], noOption: ['-b', '--batch', '-n'], reason: '{cmd} without -b redraws until it is stopped' },
  { rule: 'editor', commands: kube, path: [['edit']], reason: '{cmd} edit opens an editor and waits for a person' },
  { rule: 'editor', commands: ['crontab'], anyOption: ['-e'], reason: 'crontab -e opens an editor and waits for a person' },
  { rule: 'editor', commands: ['systemctl'], path: [['edit']], reason: 'systemctl edit opens an editor and waits for a person' },
  { rule: 'editor', commands: ['git'], path: [['commit']], noOption: ['-m', '--message', '-F', '--file', '-C', '--no-edit', '--fixup'], reason: 'git commit without -m opens an editor' },
  { rule: 'prompt', commands: ['read'], stdin: false, reason: 'read waits for a person to type a line' },
  { rule: 'prompt', commands: ['select'], reason: 'select waits for a person to choose' },
  { rule: 'tunnel', commands: ['ssh'], anyOption: ['-N'], reason: 'ssh -N holds a tunnel open until it is stopped' },
  { rule: 'interactive-client', commands: ['psql'], noOption: ['-c', '--command', '-f', '--file', '-l', '--list', '-V', '--version', '-?', '--help'], stdin: false, reason: 'psql with no -c or -f opens an interactive session' },
  { rule: 'interactive-client', commands: ['mysql', 'mariadb'], noOption: ['-e', '--execute', '-V', '--version', '--help', '-?'], stdin: false, reason: '{cmd} with no -e opens an interactive session' },
  { rule: 'interactive-client', commands: ['mongo', 'mongosh'], noOption: ['--eval', '--version', '--help', '-f', '--file', '--quiet'], stdin: false, maxPositionals: 1, reason: '{cmd} with no --eval opens an interactive session' },
  { rule: 'interactive-client', commands: ['redis-cli', 'sqlite3', 'clickhouse-client', 'cqlsh'], noOption: ['-q', '--query', '-e', '--execute', '-f', '--file', '--version', '--help'], stdin: false, maxPositionals: 0, reason: '{cmd} with no command opens an interactive session' },
  { rule: 'interactive-client', commands: ['bash', 'sh', 'zsh', 'dash', 'ksh', 'fish', 'python', 'python3', 'node', 'irb', 'ipython'], noOption: ['-c', '--version', '-V', '-m', '-e', '--eval'], stdin: false, maxPositionals: 0, reason: '{cmd} with no script opens an interactive shell' },
  { rule: 'interactive-client', commands: ['ssh', 'mosh', 'telnet', 'bosh-ssh'], noOption: ['-V', '-G', '-Q', '-O'], stdin: false, reason: '{cmd} with no command opens an interactive session' },
  { rule: 'interactive-client', commands: ['bosh'], path: [['ssh']], maxPositionals: 2, reason: 'bosh ssh with no command opens an interactive session' },
  { rule: 'sleep-forever', commands: ['sleep'], anyArg: /^(inf|infinity)$/, reason: 'sleep infinity never ends' },
  { rule: 'listen', commands: ['nc', 'ncat', 'netcat', 'socat'], anyOption: ['-l', '--listen'], reason: '{cmd} -l listens until it is stopped' },
  { rule: 'capture', commands: ['tcpdump', 'tshark'], noOption: ['-c', '-r'], reason: '{cmd} captures until it is stopped' },
  { rule: 'ping', commands: ['ping', 'ping6'], noOption: ['-c', '-w', '-W'], reason: 'ping without -c pings until it is stopped' },
  { rule: 'foreground-server', commands: ['vault'], path: [['server', 'agent', 'proxy']], reason: 'vault {0} runs a server in the foreground' },
  { rule: 'foreground-server', commands: ['consul', 'nomad'], path: [['agent']], reason: '{cmd} agent runs in the foreground' },
  { rule: 'foreground-server', commands: ['rke2', 'k3s'], path: [['server', 'agent']], noOption: ['--cluster-reset'], reason: '{cmd} {0} runs in the foreground' },
  { rule: 'foreground-server', commands: ['etcd', 'postgres', 'mysqld', 'mongod', 'redis-server', 'nginx', 'minio', 'prometheus'], noOption: ['--version', '-V', '--help', '-t', '-T', '--shutdown', '-s', '--fork', '--daemonize', '-d'], noArg: /^-g$|^daemon|^--(?:initialize|wsrep-recover|version|help|verbose|validate-config|check)/, reason: '{cmd} runs a server in the foreground' },
  { rule: 'foreground-server', commands: /^(?:start[-_]?server|run[-_]?server|[\w-]+-server|serve)$/, noOption: ['--version', '-v', '--help', '-h', '--daemonize', '-d', '--fork'], noArg: /^(?:-|--)?(?:daemon|stop|status|version)$/, reason: '{cmd} runs a server in the foreground' },
  { rule: 'confirm', commands: ['apt', 'apt-get', 'yum', 'dnf', 'zypper'], path: [['install', 'remove', 'purge', 'upgrade', 'dist-upgrade', 'full-upgrade', 'autoremove', 'erase']], noArg: yes, reason: '{cmd} {0} without -y asks to confirm' },
  { rule: 'confirm', commands: ['apt-add-repository', 'add-apt-repository'], noArg: yes, reason: '{cmd} without -y waits for Enter' },
  { rule: 'confirm', commands: ['terraform', 'tofu'], path: [['apply', 'destroy']], noArg: /^-?-auto-approve$/, reason: '{cmd} {0} without -auto-approve asks for approval' },
  { rule: 'confirm', commands: ['kubeone'], path: [['apply', 'reset']], noArg: /^(-y|--auto-approve)$/, reason: 'kubeone {0} asks yes/no' },
  { rule: 'confirm', commands: ['ufw'], path: [['enable', 'reset']], noArg: /^--force$/, reason: 'ufw {0} asks to proceed' },
  { rule: 'confirm', commands: docker, path: [['system', 'image', 'container', 'volume', 'network', 'builder'], ['prune']], noOption: ['-f', '--force'], reason: '{cmd} {0} prune asks "Are you sure?"' },
  { rule: 'confirm', commands: ['patronictl'], path: [['switchover', 'failover', 'restart', 'reinit', 'remove']], noOption: ['--force'], reason: 'patronictl {0} asks questions and "Are you sure?"' },
  { rule: 'confirm', commands: ['bosh'], path: [/^(restart|stop|recreate|delete-\w+|deploy|cck|cloud-check)$/], noOption: ['-n', '--non-interactive'], reason: 'bosh {0} asks "Continue?"' },
  { rule: 'confirm', commands: ['gcloud'], anyArg: /^(delete|stop|reset|resize|remove-\w+)$/, noOption: ['-q', '--quiet'], reason: 'gcloud asks to confirm a {0} change' },
  { rule: 'confirm', commands: ['rm'], anyOption: ['-i', '-I', '--interactive'], reason: 'rm -i asks before each file' },
  { rule: 'confirm', commands: ['passwd', 'mysql_secure_installation', 'ssh-copy-id'], noArg: /^(--non-interactive|-n|--stdin)$/, reason: '{cmd} asks questions' },
  { rule: 'confirm', commands: ['docker', 'helm'], path: [['login']], noOption: ['-p', '--password', '--password-stdin'], reason: '{cmd} login asks for a password' },
  { rule: 'interactive-make', commands: ['make'], anyArg: /(?:^|-)(?:shell|ssh|console|bosh-cli|repl)$/, reason: 'make {0} opens an interactive shell' },
];
