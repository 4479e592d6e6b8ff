import type { SafetyRule } from './types.js';

const fly = ['fly', 'flyctl'];
const flyMachine = ['machine', 'machines', 'm'];
const destroyVerb = /^(delete|terminate|remove|purge|deregister|detach|disassociate|revoke|stop|reboot|modify|update-access-key|disable|cancel|reset|restore|release)(-|$)/;

/** Cloud CLIs, infrastructure as code, platforms and secret stores. */
export const cloudCliRules: readonly SafetyRule[] = [
  { rule: 'aws-s3-rm-recursive', commands: ['aws'], path: [['s3'], ['rm']], anyOption: ['--recursive'], reason: 'aws s3 rm --recursive deletes every object under the prefix' },
  { rule: 'aws-s3-rb', commands: ['aws'], path: [['s3'], ['rb']], reason: 'aws s3 rb deletes a bucket (with --force, its objects too)' },
  { rule: 'aws-s3-rm', commands: ['aws'], path: [['s3'], ['rm', 'mv']], reason: 'aws s3 {1} deletes an object from its place' },
  { rule: 'aws-s3-sync-delete', commands: ['aws'], path: [['s3'], ['sync']], anyOption: ['--delete'], reason: 'aws s3 sync --delete deletes destination files missing from the source' },
  { rule: 'aws-delete', commands: ['aws'], path: ['*', destroyVerb], reason: 'aws {0} {1} deletes, stops or changes cloud resources' },
  { rule: 'gcloud-change', commands: ['gcloud'], path: ['*', '*', /^(delete|stop|reset|suspend|detach-disk|remove-\w+|update|resize|restore|abandon-instances|recreate-instances|rolling-action)$/], reason: 'gcloud {0} {1} {2} deletes, stops or changes cloud resources' },
  { rule: 'gcloud-change', commands: ['gcloud'], path: ['*', /^(delete|stop|reset|suspend|remove-\w+|restore)$/], reason: 'gcloud {0} {1} deletes, stops or changes cloud resources' },
  { rule: 'gsutil-rm', commands: ['gsutil'], path: [['rm', 'rb']], reason: 'gsutil {0} deletes objects or buckets' },
  { rule: 'gsutil-rm', commands: ['gcloud'], path: [['storage'], ['rm', 'rb']], reason: 'gcloud storage {1} deletes objects or buckets' },
  { rule: 'az-change', commands: ['az'], path: ['*', /^(delete|stop|deallocate|restart|detach|remove|purge|failover|restore|update)$/], reason: 'az {0} {1} deletes, stops or changes Azure resources' },
  { rule: 'az-change', commands: ['az'], path: ['*', '*', /^(delete|stop|deallocate|restart|detach|remove|purge|failover|restore)$/], reason: 'az {0} {1} {2} deletes, stops or changes Azure resources' },
  { rule: 'terraform-destroy', commands: ['terraform', 'tofu', 'terragrunt'], path: [['destroy']], reason: '{cmd} destroy deletes the infrastructure it manages' },
  { rule: 'terraform-destroy', commands: ['terraform', 'tofu', 'terragrunt'], path: [['apply']], anyArg: /^--?destroy$/, reason: '{cmd} apply -destroy deletes the infrastructure it manages' },
  { rule: 'terraform-apply', commands: ['terraform', 'tofu', 'terragrunt'], path: [['apply', 'import', 'taint']], reason: '{cmd} {0} changes real infrastructure to match the configuration' },
  { rule: 'terraform-state-rm', commands: ['terraform', 'tofu'], path: [['state'], ['rm', 'mv', 'push', 'replace-provider']], reason: '{cmd} state {1} rewrites the state of managed infrastructure' },
  { rule: 'fly-scale-zero', commands: fly, path: [['scale'], ['count'], /^([\w-]+=)?0$/], reason: 'fly scale count 0 stops every machine of the app' },
  { rule: 'fly-scale', commands: fly, path: [['scale'], ['vm', 'memory']], reason: 'fly scale {1} replaces the machines of the app, restarting them' },
  { rule: 'fly-apps-destroy', commands: fly, path: [['apps', 'app'], ['destroy', 'delete', 'remove']], reason: 'fly apps destroy deletes the app, its machines and volumes' },
  { rule: 'fly-apps-destroy', commands: fly, path: [['destroy']], reason: 'fly destroy deletes the app, its machines and volumes' },
  { rule: 'fly-machine-destroy', commands: fly, path: [flyMachine, ['destroy', 'remove', 'rm', 'kill']], reason: 'fly machine {1} destroys or kills a machine' },
  { rule: 'fly-volume-destroy', commands: fly, path: [['volumes', 'volume', 'vol'], ['destroy', 'delete', 'rm', 'remove']], reason: 'fly volumes destroy deletes a volume and its data' },
  { rule: 'fly-restart', commands: fly, path: [['restart']], reason: "fly restart restarts the app's machines, interrupting them" },
  { rule: 'fly-restart', commands: fly, path: [flyMachine, ['restart']], reason: 'fly machine restart interrupts a machine' },
  { rule: 'fly-stop', commands: fly, path: [['stop', 'suspend']], reason: 'fly {0} stops machines of the app' },
  { rule: 'fly-stop', commands: fly, path: [flyMachine, ['stop', 'suspend']], reason: 'fly machine {1} stops a machine' },
  { rule: 'fly-secrets', commands: fly, path: [['secrets'], ['set', 'unset', 'import']], reason: 'fly secrets {1} changes secrets and restarts the app' },
  { rule: 'fly-rollback', commands: fly, path: [['releases', 'deploy'], ['rollback']], reason: 'fly {0} rollback replaces the running release' },
  { rule: 'fly-rollback', commands: fly, path: [['rollback']], reason: 'fly rollback replaces the running release' },
  { rule: 'deploy-prod', commands: ['vercel', 'netlify', 'firebase', 'wrangler'], anyOption: ['--prod', '--production'], reason: '{cmd} --prod deploys to production' },
  { rule: 'consul-kv-delete', commands: ['consul'], path: [['kv'], ['delete']], reason: 'consul kv delete deletes keys' },
  { rule: 'consul-leave', commands: ['consul'], path: [['leave', 'force-leave']], reason: 'consul {0} removes an agent from the cluster' },
  { rule: 'vault-replication', commands: /^vault\d*$/, path: [['write'], /replication\/.*\/(enable|disable|demote|promote|revoke-secondary)$/], reason: 'vault write {1} changes the replication role of a cluster (enabling a secondary wipes its data)' },
  { rule: 'vault-seal', commands: ['vault'], path: [['operator'], ['seal', 'step-down', 'raft']], reason: 'vault operator {1} seals or changes the cluster' },
  { rule: 'vault-delete', commands: ['vault'], path: [['delete']], reason: 'vault delete deletes secrets or configuration' },
  { rule: 'vault-delete', commands: ['vault'], path: [['kv'], ['delete', 'destroy', 'metadata']], noArg: /^(get|list|put)$/, reason: 'vault kv {1} deletes secrets' },
];
