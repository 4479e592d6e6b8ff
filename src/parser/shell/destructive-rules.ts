/** One step of a subcommand path: alternatives, a pattern, or `'*'` for any word. */
export type PathStep = readonly string[] | RegExp | '*';

/**
 * A command that changes or destroys state an operator must confirm. All given
 * conditions must hold. `reason` may use `{cmd}` (the command's base name) and
 * `{0}`, `{1}` (its first positionals).
 */
export interface DestructiveRule {
  /** Stable id, kebab-case; the same id may appear on several entries (alternative forms). */
  rule: string;
  reason: string;
  /** Base names (`rm`, also for `/bin/rm`) or a pattern. */
  commands: readonly string[] | RegExp;
  /** Leading positionals (subcommands), after skipping options and their values. */
  path?: readonly PathStep[];
  /** At least one of these options; `-r` also matches inside `-rf`. */
  anyOption?: readonly string[];
  /** None of these options. */
  noOption?: readonly string[];
  /** Some argument, as written, matches (`of=...`, `-delete`, `-9`). */
  anyArg?: RegExp;
  /** Two consecutive arguments match (`-exec rm`). */
  argPair?: readonly [RegExp, RegExp];
  /** An option's value matches (`--replicas=0`, `--replicas 0`, `-s KILL`). */
  optionValue?: { names: readonly string[]; value: RegExp };
}

const docker = ['docker', 'podman'];
const fly = ['fly', 'flyctl'];
const flyMachine = ['machine', 'machines', 'm'];
const composeDown: PathStep[] = [['compose'], ['down']];
const killSignal = /^(9|KILL|SIGKILL)$/i;

/** The rule table, most specific first: a command reports the first rule it matches. */
export const destructiveRules: readonly DestructiveRule[] = [
  { rule: 'rm-recursive', commands: ['rm'], anyOption: ['-r', '-R', '--recursive'], reason: 'rm -r deletes a whole directory tree' },
  { rule: 'find-delete', commands: ['find'], anyArg: /^-delete$/, reason: 'find -delete deletes every file it matches' },
  { rule: 'find-exec-rm', commands: ['find'], argPair: [/^-(exec|execdir|ok|okdir)$/, /^(\S*\/)?(rm|shred|unlink)$/], reason: 'find -exec rm deletes every file it matches' },
  { rule: 'dropdb', commands: ['dropdb'], reason: 'dropdb deletes a whole PostgreSQL database' },
  { rule: 'dropuser', commands: ['dropuser'], reason: 'dropuser removes a PostgreSQL role' },
  { rule: 'kubectl-delete', commands: ['kubectl'], path: [['delete']], reason: 'kubectl delete removes cluster resources' },
  { rule: 'kubectl-drain', commands: ['kubectl'], path: [['drain']], reason: 'kubectl drain evicts every pod from a node' },
  { rule: 'kubectl-cordon', commands: ['kubectl'], path: [['cordon']], reason: 'kubectl cordon stops new pods from being scheduled on a node' },
  { rule: 'kubectl-rollout-undo', commands: ['kubectl'], path: [['rollout'], ['undo']], reason: 'kubectl rollout undo rolls a workload back to an earlier revision' },
  { rule: 'kubectl-scale-zero', commands: ['kubectl'], path: [['scale']], optionValue: { names: ['--replicas'], value: /^0$/ }, reason: 'kubectl scale --replicas=0 stops every pod of the workload' },
  { rule: 'helm-uninstall', commands: ['helm'], path: [['uninstall', 'delete', 'del', 'un']], reason: 'helm {0} removes a release and its resources' },
  { rule: 'helm-rollback', commands: ['helm'], path: [['rollback']], reason: 'helm rollback replaces a release with an earlier revision' },
  // `systemctl reload` is left out on purpose: it re-reads configuration without stopping the service.
  { rule: 'systemctl-restart', commands: ['systemctl'], path: [['restart', 'try-restart', 'reload-or-restart', 'try-reload-or-restart', 'condrestart', 'force-reload']], reason: 'systemctl {0} stops and starts the service, interrupting it' },
  { rule: 'systemctl-stop', commands: ['systemctl'], path: [['stop']], reason: 'systemctl stop stops a running service' },
  { rule: 'systemctl-kill', commands: ['systemctl'], path: [['kill']], reason: "systemctl kill sends a signal to the service's processes" },
  { rule: 'systemctl-disable', commands: ['systemctl'], path: [['disable']], reason: 'systemctl disable keeps the service from starting at boot (with --now, stops it)' },
  { rule: 'systemctl-mask', commands: ['systemctl'], path: [['mask']], reason: 'systemctl mask makes the service impossible to start' },
  { rule: 'system-power', commands: ['systemctl'], path: [['reboot', 'poweroff', 'halt', 'kexec']], reason: 'systemctl {0} takes the whole machine down' },
  { rule: 'service-stop', commands: ['service'], path: ['*', ['stop', 'restart', 'force-stop', 'force-reload']], reason: 'service {0} {1} interrupts a running service' },
  { rule: 'docker-system-prune', commands: docker, path: [['system'], ['prune']], reason: '{cmd} system prune deletes all stopped containers, unused networks and dangling images (-a: every unused image)' },
  { rule: 'docker-prune', commands: docker, path: [['container', 'image', 'volume', 'network', 'builder', 'buildx'], ['prune']], reason: '{cmd} {0} prune deletes every unused {0}' },
  { rule: 'docker-rm-force', commands: docker, path: [['rm']], anyOption: ['-f', '--force'], reason: '{cmd} rm -f kills and removes running containers' },
  { rule: 'docker-rm-force', commands: docker, path: [['container'], ['rm', 'remove']], anyOption: ['-f', '--force'], reason: '{cmd} container rm -f kills and removes running containers' },
  { rule: 'docker-volume-rm', commands: docker, path: [['volume'], ['rm', 'remove']], reason: '{cmd} volume rm deletes volumes and the data in them' },
  { rule: 'docker-compose-down-volumes', commands: docker, path: composeDown, anyOption: ['-v', '--volumes'], reason: 'docker compose down -v removes the stack and deletes its volumes and their data' },
  { rule: 'docker-compose-down-volumes', commands: ['docker-compose'], path: [['down']], anyOption: ['-v', '--volumes'], reason: 'docker-compose down -v removes the stack and deletes its volumes and their data' },
  { rule: 'docker-compose-down', commands: docker, path: composeDown, reason: "docker compose down stops and removes the stack's containers and networks" },
  { rule: 'docker-compose-down', commands: ['docker-compose'], path: [['down']], reason: "docker-compose down stops and removes the stack's containers and networks" },
  { rule: 'fly-scale-zero', commands: fly, path: [['scale'], ['count'], /^([\w-]+=)?0$/], reason: 'fly scale count 0 stops every machine of the app' },
  { rule: 'fly-apps-destroy', commands: fly, path: [['apps', 'app'], ['destroy', 'delete', 'remove']], reason: 'fly apps destroy deletes the app, its machines and volumes' },
  { rule: 'fly-apps-destroy', commands: fly, path: [['destroy']], reason: 'fly destroy deletes the app, its machines and volumes' },
  { rule: 'fly-machine-destroy', commands: fly, path: [flyMachine, ['destroy', 'remove', 'rm', 'kill']], reason: 'fly machine {1} destroys or kills a machine' },
  { rule: 'fly-volume-destroy', commands: fly, path: [['volumes', 'volume', 'vol'], ['destroy', 'delete', 'rm', 'remove']], reason: 'fly volumes destroy deletes a volume and its data' },
  { rule: 'fly-restart', commands: fly, path: [['restart']], reason: "fly restart restarts the app's machines, interrupting them" },
  { rule: 'fly-restart', commands: fly, path: [flyMachine, ['restart']], reason: 'fly machine restart interrupts a machine' },
  { rule: 'fly-stop', commands: fly, path: [['stop', 'suspend']], reason: 'fly {0} stops machines of the app' },
  { rule: 'fly-stop', commands: fly, path: [flyMachine, ['stop', 'suspend']], reason: 'fly machine {1} stops a machine' },
  { rule: 'terraform-destroy', commands: ['terraform', 'tofu'], path: [['destroy']], reason: '{cmd} destroy deletes the infrastructure it manages' },
  { rule: 'terraform-destroy', commands: ['terraform', 'tofu'], path: [['apply']], anyArg: /^--?destroy$/, reason: '{cmd} apply -destroy deletes the infrastructure it manages' },
  { rule: 'git-push-force', commands: ['git'], path: [['push']], anyOption: ['-f', '--force', '--force-with-lease', '--force-if-includes'], reason: "git push --force overwrites the remote branch's history" },
  { rule: 'git-push-force', commands: ['git'], path: [['push']], anyArg: /^\+/, reason: "git push +ref overwrites the remote branch's history" },
  { rule: 'git-reset-hard', commands: ['git'], path: [['reset']], anyOption: ['--hard'], reason: 'git reset --hard discards uncommitted changes' },
  { rule: 'git-clean', commands: ['git'], path: [['clean']], anyOption: ['-f', '--force'], noOption: ['-n', '--dry-run'], reason: 'git clean -f deletes untracked files' },
  { rule: 'truncate', commands: ['truncate'], reason: 'truncate cuts files to a size, discarding their contents' },
  { rule: 'dd-write', commands: ['dd'], anyArg: /^of=/, reason: 'dd of= overwrites the output file or device' },
  { rule: 'mkfs', commands: /^(mkfs(\..+)?|mke2fs|mkswap)$/, reason: '{cmd} creates a new filesystem, erasing what the device held' },
  { rule: 'shred', commands: ['shred'], reason: 'shred overwrites files so they cannot be recovered' },
  // Without -a/-o, wipefs only lists signatures.
  { rule: 'wipefs', commands: ['wipefs'], anyOption: ['-a', '--all', '-o', '--offset'], noOption: ['-n', '--no-act'], reason: 'wipefs erases filesystem signatures from a device' },
  { rule: 'redis-flush', commands: ['redis-cli'], path: [/^flush(all|db)$/i], reason: 'redis-cli {0} deletes every key' },
  { rule: 'kill-9', commands: ['kill'], anyArg: /^-(9|KILL|SIGKILL)$/i, reason: 'kill -9 ends processes without letting them clean up' },
  { rule: 'kill-9', commands: ['kill'], optionValue: { names: ['-s', '-n'], value: killSignal }, reason: 'kill -s KILL ends processes without letting them clean up' },
  { rule: 'pkill', commands: ['pkill'], reason: 'pkill ends every process matching a pattern' },
  { rule: 'killall', commands: ['killall'], reason: 'killall ends every process with that name' },
  { rule: 'system-power', commands: ['reboot', 'shutdown', 'halt', 'poweroff'], noOption: ['-c', '-k'], reason: '{cmd} takes the whole machine down' },
  { rule: 'iptables-flush', commands: ['iptables', 'ip6tables'], anyOption: ['-F', '--flush'], reason: '{cmd} -F deletes every firewall rule of the chain or table' },
  { rule: 'aws-s3-rm-recursive', commands: ['aws'], path: [['s3'], ['rm']], anyOption: ['--recursive'], reason: 'aws s3 rm --recursive deletes every object under the prefix' },
  { rule: 'aws-s3-rb', commands: ['aws'], path: [['s3'], ['rb']], reason: 'aws s3 rb deletes a bucket (with --force, its objects too)' },
  { rule: 'aws-s3-sync-delete', commands: ['aws'], path: [['s3'], ['sync']], anyOption: ['--delete'], reason: 'aws s3 sync --delete deletes destination files missing from the source' },
  { rule: 'aws-delete', commands: ['aws'], path: ['*', /^(delete|terminate|remove|purge|deregister)-/], reason: 'aws {0} {1} deletes cloud resources' },
  { rule: 'gsutil-rm', commands: ['gsutil'], path: [['rm', 'rb']], reason: 'gsutil {0} deletes objects or buckets' },
  { rule: 'gsutil-rm', commands: ['gcloud'], path: [['storage'], ['rm', 'rb']], reason: 'gcloud storage {1} deletes objects or buckets' },
  { rule: 'crontab-remove', commands: ['crontab'], anyOption: ['-r'], reason: "crontab -r deletes the user's whole crontab" },
  { rule: 'pg-ctl-stop', commands: ['pg_ctl'], path: [['stop', 'restart', 'kill']], reason: 'pg_ctl {0} interrupts the PostgreSQL server' },
  { rule: 'pg-ctl-promote', commands: ['pg_ctl'], path: [['promote']], reason: 'pg_ctl promote turns a standby into a primary, which cannot be undone' },
  { rule: 'pg-resetwal', commands: ['pg_resetwal', 'pg_resetxlog'], reason: '{cmd} resets the write-ahead log and can lose committed data' },
  { rule: 'pm2-stop', commands: ['pm2'], path: [['stop', 'delete', 'del', 'kill', 'restart']], reason: 'pm2 {0} stops or restarts managed processes' },
];

/** Options that take a value, per tool, so their values are not mistaken for subcommands. */
export const toolValueOptions: Readonly<Record<string, readonly string[]>> = {
  kubectl: ['-n', '--namespace', '--context', '--cluster', '--kubeconfig', '-s', '--server', '--user', '--token', '-l', '--selector', '-o', '--output', '-f', '--filename', '-c', '--container', '--as', '--as-group', '--request-timeout', '--field-selector', '--timeout', '--grace-period'],
  helm: ['-n', '--namespace', '--kube-context', '--kubeconfig', '--timeout', '--version', '-f', '--values', '--set', '--set-string', '-o', '--output', '--description', '--repo'],
  docker: ['-H', '--host', '--context', '-c', '--config', '--log-level', '-l', '-f', '--file', '--filter', '--format', '-t', '--time', '-p', '--project-name', '--env-file', '--profile', '--project-directory'],
  'docker-compose': ['-f', '--file', '-p', '--project-name', '--env-file', '--profile', '--project-directory', '-t', '--timeout'],
  fly: ['-a', '--app', '-c', '--config', '-r', '--region', '-o', '--org', '-t', '--access-token', '--image'],
  aws: ['--profile', '--region', '--endpoint-url', '--output', '--query', '--cli-read-timeout', '--cli-connect-timeout', '--ca-bundle', '--color', '--exclude', '--include', '--storage-class', '--acl', '--sse', '--content-type', '--cache-control'],
  git: ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '-o', '--push-option', '--repo', '--exec', '--receive-pack'],
  systemctl: ['-H', '--host', '-M', '--machine', '-t', '--type', '-s', '--signal', '-p', '--property', '--state', '-n', '--lines', '-o', '--output', '--root', '--kill-whom', '--job-mode'],
  'redis-cli': ['-h', '-p', '-a', '-n', '-u', '-s', '--user', '--pass', '-r', '-i', '-d', '--cacert', '--cert', '--key'],
  pg_ctl: ['-D', '--pgdata', '-l', '--log', '-m', '--mode', '-o', '--options', '-t', '--timeout', '-N', '-U', '-P', '-S', '-e'],
  gsutil: ['-o', '-h', '-u', '-i'],
  gcloud: ['--project', '--account', '--configuration', '--format', '--verbosity', '--impersonate-service-account'],
  crontab: ['-u'],
  kill: ['-s', '-n'],
  podman: ['--connection', '--url', '--log-level', '-f', '--file', '--filter', '--format', '-t', '--time'],
  flyctl: ['-a', '--app', '-c', '--config', '-r', '--region', '-o', '--org', '-t', '--access-token', '--image'],
};
