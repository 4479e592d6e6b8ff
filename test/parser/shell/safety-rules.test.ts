import { describe, expect, test } from 'vitest';
import { analyzeShell, blockingRules, destructiveRules } from '../../../src/parser/shell/index.js';

const destructiveOf = (source: string) => analyzeShell(source).destructive.map((reason) => reason.rule);
const blockingOf = (source: string) => analyzeShell(source).blocking.map((reason) => reason.rule);

/** One case (at least) per destructive rule id of every family table: a new row needs a new case here. */
const DESTRUCTIVE: ReadonlyArray<[string, string]> = [
  // shell tools
  ['rm -rf /var/lib/app', 'rm-recursive'],
  ['find /var/log -name "*.gz" -delete', 'find-delete'],
  ['find . -exec rm {} \\;', 'find-exec-rm'],
  ['truncate -s 0 /var/log/app.log', 'truncate'],
  ['dd if=/dev/zero of=/dev/sdb bs=1M', 'dd-write'],
  ['mkfs.ext4 /dev/sdb1', 'mkfs'],
  ['shred -u secrets.txt', 'shred'],
  ['wipefs -a /dev/sdb', 'wipefs'],
  ['cp -RT /backup/mongo /var/lib/mongodb/', 'overwrite-data-dir'],
  ['rsync -a --delete src/ dst/', 'rsync-delete'],
  ['kill -9 1234', 'kill-9'],
  ['pkill -f worker', 'pkill'],
  ['killall nginx', 'killall'],
  ['reboot', 'system-power'],
  ['iptables -F', 'iptables-flush'],
  ['ufw enable', 'firewall-enable'],
  ['crontab -r', 'crontab-remove'],
  ['userdel -r deploy', 'userdel'],
  ['chown -R app:app /etc', 'chmod-system'],
  ['apt purge -y jitsi-meet', 'package-remove'],
  ['./scripts/restore-database.sh prod', 'named-script'],
  ['/usr/local/bin/rke2-killall.sh', 'named-script'],
  ['git push --force origin main', 'git-push-force'],
  ['git reset --hard origin/main', 'git-reset-hard'],
  ['git clean -fdx', 'git-clean'],
  ['nixos-rebuild switch --upgrade', 'nixos-rebuild'],
  // orchestrators
  ['oc delete klusterlet klusterlet', 'kubectl-delete'],
  ['kubectl drain node-1 --ignore-daemonsets', 'kubectl-drain'],
  ['kubectl cordon node-1', 'kubectl-cordon'],
  ['kubectl taint nodes node-1 key=value:NoSchedule', 'kubectl-taint'],
  ['kubectl rollout undo deployment/app', 'kubectl-rollout-undo'],
  ['kubectl rollout restart deployment/app', 'kubectl-rollout-restart'],
  ['kubectl scale sts db --replicas=0', 'kubectl-scale-zero'],
  ['kubectl patch pod web-0 -p \'{"metadata":{"finalizers":null}}\'', 'kubectl-change'],
  ['oc replace -f deploy.yaml', 'kubectl-change'],
  ['kubectl set image deployment/velero velero=velero/velero:v1.18', 'kubectl-set'],
  ['kubectl apply --prune -l app=web -f manifests/', 'kubectl-apply-prune'],
  ['kubectl apply -f restore-full-s3.yaml -n test2', 'kubectl-apply-named'],
  ['kubectl create secret generic x --dry-run=client -o yaml | kubectl apply -f -', 'kubectl-apply-generated'],
  ['helm uninstall web -n prod', 'helm-uninstall'],
  ['helm rollback web 3', 'helm-rollback'],
  ['helm upgrade linkerd2 linkerd/linkerd2 --reset-values', 'helm-upgrade'],
  ['docker system prune -a', 'docker-system-prune'],
  ['podman volume prune', 'docker-prune'],
  ['docker rm -f web', 'docker-rm-force'],
  ['docker stop web', 'docker-rm'],
  ['docker volume rm data', 'docker-volume-rm'],
  ['docker compose down -v', 'docker-compose-down-volumes'],
  ['docker-compose down', 'docker-compose-down'],
  ['docker-compose restart backend', 'docker-compose-stop'],
  ['systemctl restart nginx', 'systemctl-restart'],
  ['systemctl stop rke2-server', 'systemctl-stop'],
  ['systemctl start mysql@bootstrap.service', 'systemctl-bootstrap'],
  ['systemctl kill app', 'systemctl-kill'],
  ['systemctl disable --now app', 'systemctl-disable'],
  ['systemctl mask app', 'systemctl-mask'],
  ['service nginx stop', 'service-stop'],
  ['pm2 restart all', 'pm2-stop'],
  ['gitlab-ctl restart', 'gitlab-ctl'],
  ['rke2 server --cluster-reset --cluster-reset-restore-path=/snap', 'rke2-cluster-reset'],
  ['rke2 certificate rotate-ca --path=/tmp/ca', 'rke2-certificate'],
  ['rke2 etcd-snapshot prune --snapshot-retention 10', 'rke2-snapshot-delete'],
  ['kubeone apply -m kubeone.yaml -t tf.json', 'kubeone-apply'],
  ['velero restore create --from-backup nightly', 'velero-restore'],
  ['velero backup delete nightly', 'velero-delete'],
  ['bosh -d cf restart uaa', 'bosh-restart'],
  ['linkerd upgrade | kubectl apply -f -', 'linkerd-upgrade'],
  ['ceph osd out 3', 'ceph-osd'],
  ['ceph fs subvolume rm myfs sub0 --group_name csi', 'ceph-rm'],
  ['rados rmomapkey csi.volumes.default key -p pool', 'rados-rm'],
  ['rbd remove replicapool/img', 'rbd-rm'],
  // cloud CLIs
  ['aws s3 rm s3://bucket/prefix --recursive', 'aws-s3-rm-recursive'],
  ['aws s3 rb s3://bucket --force', 'aws-s3-rb'],
  ['aws s3 rm s3://bucket/one-object', 'aws-s3-rm'],
  ['aws s3 sync . s3://bucket --delete', 'aws-s3-sync-delete'],
  ['aws iam update-access-key --access-key-id AK --status Inactive', 'aws-delete'],
  ['aws ec2 detach-volume --volume-id vol-1', 'aws-delete'],
  ['gcloud compute instances delete vm-1 --zone z', 'gcloud-change'],
  ['gsutil rm gs://bucket/x', 'gsutil-rm'],
  ['az vm deallocate -g rg -n vm', 'az-change'],
  ['terraform destroy', 'terraform-destroy'],
  ['terraform apply -auto-approve', 'terraform-apply'],
  ['terraform state rm aws_instance.web', 'terraform-state-rm'],
  ['fly scale count 0 --app api', 'fly-scale-zero'],
  ['fly scale vm dedicated-cpu-2x --app db', 'fly-scale'],
  ['fly apps destroy api', 'fly-apps-destroy'],
  ['fly machine destroy 1234', 'fly-machine-destroy'],
  ['fly volumes destroy vol_1', 'fly-volume-destroy'],
  ['fly restart --app api', 'fly-restart'],
  ['fly machine stop 1234', 'fly-stop'],
  ['fly secrets set DATABASE_URL=x --app api', 'fly-secrets'],
  ['fly releases rollback --app api', 'fly-rollback'],
  ['vercel --prod', 'deploy-prod'],
  ['consul kv delete -recurse config/', 'consul-kv-delete'],
  ['consul leave', 'consul-leave'],
  ['vault write -f sys/replication/dr/secondary/enable token=x', 'vault-replication'],
  ['vault3 write -f /sys/replication/dr/primary/disable', 'vault-replication'],
  ['vault operator step-down', 'vault-seal'],
  ['vault kv destroy -versions=1 secret/app', 'vault-delete'],
  // databases
  ['dropdb app', 'dropdb'],
  ['dropuser app', 'dropuser'],
  ['pg_ctl -D /data stop', 'pg-ctl-stop'],
  ['pg_ctl promote -D /data', 'pg-ctl-promote'],
  ['pg_resetwal -f /data', 'pg-resetwal'],
  ['pg_restore --clean -d app dump.pgc', 'pg-restore'],
  ['pg_upgrade -b old -B new -d olddata -D newdata', 'pg-upgrade'],
  ['psql -d app < dump.sql', 'psql-restore'],
  ['sudo patronictl -c /etc/patroni/patroni.yml switchover', 'patronictl'],
  ['redis-cli -h cache FLUSHALL', 'redis-flush'],
  ['etcdctl del --prefix /registry', 'etcdctl-delete'],
  ['etcdctl member remove 6713c8f2e74fb553', 'etcdctl-member'],
  ['etcdctl snapshot restore snap.db', 'etcdctl-restore'],
  ['wal-g backup-fetch /var/lib/mysql LATEST', 'wal-g-restore'],
  ['mysqladmin shutdown', 'mysqladmin'],
  ['npx prisma migrate deploy', 'prisma-migrate'],
  ['bundle exec rake db:migrate', 'rails-db'],
  ['pd-ctl member delete name pd-0', 'pd-ctl'],
  ['vtctldclient OnlineDDL commerce complete all', 'vtctl-online-ddl'],
  ['rabbitmqctl stop_app', 'rabbitmqctl'],
  ['mongod --shutdown --dbpath /data', 'mongo-shutdown'],
];

/** One case (at least) per blocking rule id. */
const BLOCKING: ReadonlyArray<[string, string]> = [
  ['tail -f /var/log/syslog', 'follow'],
  ['journalctl -u nginx -f', 'follow'],
  ['kubectl logs -f deploy/web', 'follow'],
  ['docker logs --follow web', 'follow'],
  ['watch kubectl get pods', 'watch'],
  ['kubectl get pods -w', 'watch'],
  ['kubectl port-forward svc/web 8080:80', 'port-forward'],
  ['kubectl run -it --rm debug --image=busybox', 'interactive-shell'],
  ['docker run -it ubuntu', 'interactive-shell'],
  ['docker run --name x longhornio/launch-simple-longhorn', 'foreground-container'],
  ['docker compose up', 'foreground-compose'],
  ['vim /etc/nginx/nginx.conf', 'editor'],
  ['kubectl edit deployment/velero', 'editor'],
  ['crontab -e', 'editor'],
  ['read -p "Continue? " answer', 'prompt'],
  ['psql -U postgres', 'interactive-client'],
  ['mysql -u root -p', 'interactive-client'],
  ['mongosh', 'interactive-client'],
  ['redis-cli', 'interactive-client'],
  ['ssh bastion', 'interactive-client'],
  ['kubectl exec -it pod-0 -- bash', 'interactive-client'],
  ['ssh -N -L 5432:db:5432 bastion', 'tunnel'],
  ['sleep infinity', 'sleep-forever'],
  ['nc -l 9000', 'listen'],
  ['tcpdump -i eth0 port 53', 'capture'],
  ['ping 10.0.0.1', 'ping'],
  ['vault server -dev', 'foreground-server'],
  ['/home/test/app/bin/start_server', 'foreground-server'],
  ['apt install jitsi-meet', 'confirm'],
  ['terraform apply', 'confirm'],
  ['patronictl switchover', 'confirm'],
  ['make prod bosh-cli', 'interactive-make'],
];

describe('destructive rules: every family table', () => {
  test.each(DESTRUCTIVE)('%s -> %s', (source, rule) => {
    expect(destructiveOf(source)).toContain(rule);
  });

  test('every destructive rule id has a case', () => {
    const covered = new Set(DESTRUCTIVE.map(([, rule]) => rule));
    expect([...new Set(destructiveRules.map((rule) => rule.rule))].filter((rule) => !covered.has(rule))).toEqual([]);
  });

  test.each([
    'kubectl apply -f backup-rbac.yaml',
    'kubectl get pods -w -o wide',
    'helm install smi linkerd-smi/linkerd-smi',
    'docker ps',
    'systemctl start nginx',
    'rm -f ~/.vault-token',
    'cp ca.crt /var/lib/rancher/rke2/server/tls',
    'terraform plan',
    'pg_restore --list dump.pgc',
    'psql -d app -c "select 1"',
    'wal-g backup-push /var/lib/mysql',
    'vault write sys/replication/dr/secondary/update-primary token=x',
    'pd-ctl scheduler remove evict-leader-scheduler-1',
    'redis-cli -h cache INFO replication',
    'etcdctl member list',
    'apt install -y nginx',
    'fly scale count 2',
  ])('%s is not destructive', (source) => {
    expect(destructiveOf(source)).toEqual([]);
  });
});

describe('blocking rules', () => {
  test.each(BLOCKING)('%s -> %s', (source, rule) => {
    expect(blockingOf(source)).toContain(rule);
  });

  test('every blocking rule id has a case', () => {
    const covered = new Set(BLOCKING.map(([, rule]) => rule));
    expect([...new Set(blockingRules.map((rule) => rule.rule))].filter((rule) => !covered.has(rule))).toEqual([]);
  });

  test.each([
    'tail -n 100 /var/log/syslog',
    'timeout 60 tail -f /var/log/syslog',
    'kubectl logs deploy/web --tail=50',
    'kubectl exec pod-0 -- etcdctl member list',
    'kubectl exec -it pod-0 -- psql -c "select 1"',
    'psql -c "select 1"',
    'psql -f migrate.sql',
    'psql app < dump.sql',
    'echo "select 1" | psql',
    'sudo -u postgres psql <<EOF\nselect 1;\nEOF',
    'mysql -e "show databases"',
    'ssh db1 uptime',
    'ssh db1 <<EOF\nuptime\nEOF',
    'while read -r line; do echo "$line"; done < hosts.txt',
    'cat hosts | while read h; do ping -c 1 "$h"; done',
    'docker run -d --name web nginx',
    'docker run --rm alpine echo hi',
    'docker compose up -d',
    'apt-get install -y nginx',
    'terraform apply -auto-approve',
    'ping -c 3 10.0.0.1',
    'top -b -n 1',
    'bash script.sh',
    'mysqld --wsrep-recover',
  ])('%s is not blocking', (source) => {
    expect(blockingOf(source)).toEqual([]);
  });
});

describe('wrappers are looked into, recursively', () => {
  test.each([
    ['sudo rm -rf /srv/x', 'rm-recursive'],
    ['env A=1 nohup timeout 5 nice -n 10 pkill worker', 'pkill'],
    ['xargs -I{} kubectl delete pod {} < pods.txt', 'kubectl-delete'],
    ["bash -c 'systemctl stop nginx'", 'systemctl-stop'],
    ["sh -c \"sudo bash -c 'dropdb app'\"", 'dropdb'],
    ["ssh db1 'sudo systemctl restart postgresql'", 'systemctl-restart'],
    ['ssh -i key -p 2222 admin@db1 sudo reboot', 'system-power'],
    ["knife ssh 'role:web' 'sudo service nginx restart'", 'service-stop'],
    ["ansible web -m shell -a 'rm -rf /tmp/cache/app'", 'rm-recursive'],
    ["ansible all -b -a 'systemctl restart app'", 'systemctl-restart'],
    ['kubectl -n kube-system exec -it etcd-0 -- etcdctl member remove 1234', 'etcdctl-member'],
    ['kubectl exec -it etcd-0 etcdctl member remove 1234', 'etcdctl-member'],
    ['oc exec pod-0 -c db -- pg_ctl stop -D /data', 'pg-ctl-stop'],
    ['docker exec -u postgres db dropdb app', 'dropdb'],
    ['docker compose exec db /opt/restore', 'named-script'],
    ['docker-compose exec db /opt/restore', 'named-script'],
    ["su - postgres -c 'pg_ctl stop -D /data'", 'pg-ctl-stop'],
    ["runuser -u postgres -c 'dropdb app'", 'dropdb'],
    ['ssh db1 <<EOF\nsudo systemctl stop postgresql\nEOF', 'systemctl-stop'],
    ["sudo -u postgres bash <<'SQL'\ndropdb app\nSQL", 'dropdb'],
    ['watch -n 5 kubectl delete pod --field-selector=status.phase==Failed', 'kubectl-delete'],
  ])('%s -> %s', (source, rule) => {
    expect(destructiveOf(source)).toContain(rule);
  });

  test.each([
    ['sudo tail -f /var/log/syslog', 'follow'],
    ["ssh web1 'tail -f /var/log/nginx/access.log'", 'follow'],
    ['kubectl exec -it pod-0 -- watch ls', 'watch'],
    ['docker exec -it db psql -U postgres', 'interactive-client'],
    ['watch -n 1 "kubectl get pods | grep web"', 'watch'],
  ])('%s blocks (%s)', (source, rule) => {
    expect(blockingOf(source)).toContain(rule);
  });
});

describe('a line the shell parser rejects never switches the analysis off', () => {
  test('the lines around it, and the line itself word by word', () => {
    const analysis = analyzeShell('kubectl get pods\nif [[ x\nkubectl delete pod {{ .Name }} -n prod');
    expect(analysis.error).toBeDefined();
    expect(analysis.destructive.map((reason) => `${reason.rule}@${reason.line}`)).toContain('kubectl-delete@3');
  });

  test('a broken line with a destructive command is still caught', () => {
    const analysis = analyzeShell('echo start\nrm -rf /data/$(date +%F\necho done');
    expect(analysis.destructive.map((reason) => reason.rule)).toContain('rm-recursive');
  });
});
