export { destructiveRules, blockingRules, type DestructiveRule, type PathStep, type SafetyRule } from './rules/index.js';

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
  bosh: ['-d', '--deployment', '-e', '--environment', '--ca-cert', '--client', '--client-secret'],
  patronictl: ['-c', '--config-file', '-d', '--dcs-url', '--dcs'],
  'pd-ctl': ['-u', '--pd', '-i'],
  etcdctl: ['--endpoints', '--cacert', '--cert', '--key', '--user', '-w', '--write-out', '--dial-timeout', '--command-timeout'],
  velero: ['-n', '--namespace', '--from-backup', '--from-schedule', '--kubeconfig', '--kubecontext'],
  rke2: ['-c', '--config', '--token', '--data-dir', '-d', '--cluster-reset-restore-path'],
  vault: ['-address', '-namespace', '-format', '-field'],
  kill: ['-s', '-n'],
  podman: ['--connection', '--url', '--log-level', '-f', '--file', '--filter', '--format', '-t', '--time'],
  flyctl: ['-a', '--app', '-c', '--config', '-r', '--region', '-o', '--org', '-t', '--access-token', '--image'],
};
