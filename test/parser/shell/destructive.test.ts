import { describe, expect, test } from 'vitest';
import { analyzeShell, destructiveRules } from '../../../src/parser/shell/index.js';

const rulesOf = (source: string) => analyzeShell(source).destructive.map((reason) => reason.rule);

describe('destructive commands', () => {
  test.each([
    ['rm -r dir', 'rm-recursive'],
    ['rm -R dir', 'rm-recursive'],
    ['rm --recursive dir', 'rm-recursive'],
    ['rm -rf /var/lib/app', 'rm-recursive'],
    ['rm -fr "$DIR"', 'rm-recursive'],
    ['rm -vRf x', 'rm-recursive'],
    ['sudo rm -rf /tmp/x', 'rm-recursive'],
    ['/bin/rm -rf x', 'rm-recursive'],
    ['find /tmp -name "app-*" -mtime +1 -delete', 'find-delete'],
    ['find . -type f -exec rm {} \\;', 'find-exec-rm'],
    ['find . -execdir /bin/rm -f {} +', 'find-exec-rm'],
    ['dropdb zkintents_restored', 'dropdb'],
    ['dropdb --if-exists -h db app', 'dropdb'],
    ['dropuser app_user', 'dropuser'],
    ['kubectl delete pod web-1', 'kubectl-delete'],
    ['kubectl -n prod delete deployment web', 'kubectl-delete'],
    ['kubectl --context=prod drain node-1 --ignore-daemonsets', 'kubectl-drain'],
    ['kubectl cordon node-1', 'kubectl-cordon'],
    ['kubectl rollout undo deployment/app', 'kubectl-rollout-undo'],
    ['kubectl scale deployment web --replicas=0', 'kubectl-scale-zero'],
    ['kubectl scale --replicas 0 deploy/web', 'kubectl-scale-zero'],
    ['helm uninstall web -n prod', 'helm-uninstall'],
    ['helm delete web', 'helm-uninstall'],
    ['helm rollback web 3', 'helm-rollback'],
    ['systemctl restart nginx', 'systemctl-restart'],
    ['sudo systemctl stop ainur-node', 'systemctl-stop'],
    ['systemctl disable --now app', 'systemctl-disable'],
    ['systemctl kill app', 'systemctl-kill'],
    ['systemctl mask app', 'systemctl-mask'],
    ['systemctl --user restart app', 'systemctl-restart'],
    ['systemctl reboot', 'system-power'],
    ['service nginx stop', 'service-stop'],
    ['service postgresql restart', 'service-stop'],
    ['docker system prune -a', 'docker-system-prune'],
    ['docker image prune -f', 'docker-prune'],
    ['docker volume prune', 'docker-prune'],
    ['docker container prune', 'docker-prune'],
    ['docker network prune', 'docker-prune'],
    ['docker rm -f web', 'docker-rm-force'],
    ['docker container rm --force web', 'docker-rm-force'],
    ['docker volume rm pgdata', 'docker-volume-rm'],
    ['docker-compose down -v', 'docker-compose-down-volumes'],
    ['docker compose -f prod.yml down --volumes', 'docker-compose-down-volumes'],
    ['docker-compose down', 'docker-compose-down'],
    ['fly scale count 0 --app zerostate-api', 'fly-scale-zero'],
    ['flyctl scale count 0 -a x', 'fly-scale-zero'],
    ['fly apps destroy old-app --yes', 'fly-apps-destroy'],
    ['fly machine destroy 148ed1 --force', 'fly-machine-destroy'],
    ['fly volumes destroy vol_123', 'fly-volume-destroy'],
    ['fly restart --app ainur-db', 'fly-restart'],
    ['terraform destroy -auto-approve', 'terraform-destroy'],
    ['terraform apply -destroy', 'terraform-destroy'],
    ['git push --force origin main', 'git-push-force'],
    ['git push -f', 'git-push-force'],
    ['git push --force-with-lease origin feature', 'git-push-force'],
    ['git push origin +main', 'git-push-force'],
    ['git reset --hard HEAD~1', 'git-reset-hard'],
    ['git clean -fdx', 'git-clean'],
    ['git -C repo clean --force', 'git-clean'],
    ['truncate -s 0 /var/log/app.log', 'truncate'],
    ['dd if=/dev/zero of=/dev/sdb bs=1M', 'dd-write'],
    ['mkfs.ext4 /dev/sdb1', 'mkfs'],
    ['mkfs -t xfs /dev/sdc', 'mkfs'],
    ['shred -u secrets.txt', 'shred'],
    ['wipefs -a /dev/sdb', 'wipefs'],
    ['redis-cli FLUSHALL', 'redis-flush'],
    ['redis-cli -h cache -n 2 flushdb', 'redis-flush'],
    ['kill -9 1234', 'kill-9'],
    ['kill -KILL 1234', 'kill-9'],
    ['kill -s SIGKILL 1234', 'kill-9'],
    ['pkill -f worker', 'pkill'],
    ['killall node', 'killall'],
    ['reboot', 'system-power'],
    ['sudo shutdown -h now', 'system-power'],
    ['halt', 'system-power'],
    ['poweroff', 'system-power'],
    ['iptables -F', 'iptables-flush'],
    ['iptables --flush INPUT', 'iptables-flush'],
    ['aws s3 rm s3://bucket/prefix --recursive', 'aws-s3-rm-recursive'],
    ['aws --profile prod s3 rb s3://bucket --force', 'aws-s3-rb'],
    ['aws s3 sync ./site s3://bucket --delete', 'aws-s3-sync-delete'],
    ['aws ec2 terminate-instances --instance-ids i-1', 'aws-delete'],
    ['aws rds delete-db-instance --db-instance-identifier x', 'aws-delete'],
    ['gsutil -m rm -r gs://bucket/x', 'gsutil-rm'],
    ['crontab -r', 'crontab-remove'],
    ['crontab -u deploy -r', 'crontab-remove'],
    ['pg_ctl stop -D /data', 'pg-ctl-stop'],
    ['pg_ctl -D /data restart', 'pg-ctl-stop'],
    ['pg_ctl promote -D /var/lib/postgresql/data', 'pg-ctl-promote'],
    ['pg_resetwal -f /data', 'pg-resetwal'],
    ['pm2 stop all', 'pm2-stop'],
    ['pm2 delete sequencer', 'pm2-stop'],
    ['xargs rm -rf < dirs.txt', 'rm-recursive'],
    ['timeout 60 kubectl delete ns staging', 'kubectl-delete'],
    [`bash -c 'rm -rf /srv/cache'`, 'rm-recursive'],
    ['echo "$(kubectl delete pod x)"', 'kubectl-delete'],
    ['f() { dropdb "$1"; }', 'dropdb'],
  ])('%s -> %s', (source, rule) => {
    expect(rulesOf(source)).toEqual([rule]);
  });

  test.each([
    'rm file.txt',
    'rm -f file.txt',
    'rm -- -r',
    'echo rm -rf /',
    'echo "kubectl delete pod x"',
    '# rm -rf / and DROP TABLE users',
    'grep -r password .',
    'find . -name "*.log"',
    'find . -exec gzip {} \\;',
    'kubectl get pods',
    'kubectl describe deployment web',
    'kubectl scale deployment web --replicas=5',
    'kubectl rollout status deployment/app',
    'helm list',
    'systemctl status app.service',
    'systemctl reload nginx',
    'systemctl start app',
    'service nginx status',
    'docker ps -a',
    'docker compose up -d',
    'docker scan app:latest',
    'fly scale count 2 --app zerostate-api',
    'fly scale count 3',
    'fly scale count +2 --app x',
    'fly status --app x',
    'terraform plan',
    'git push origin main',
    'git reset --soft HEAD~1',
    'git clean -n',
    'git clean -fn',
    'dd if=/dev/sda bs=1M count=1',
    'wipefs /dev/sdb',
    'wipefs -n -a /dev/sdb',
    'redis-cli ping',
    'redis-cli SET key value',
    'kill 1234',
    'kill -HUP 1234',
    'shutdown -c',
    'iptables -L',
    'aws s3 ls s3://bucket',
    'aws s3 cp a s3://b/a',
    'gsutil ls',
    'crontab -e',
    'crontab -l',
    'pg_ctl status -D /data',
    'pg_ctl start -D /data',
    'pm2 status',
    'pm2 logs sequencer',
    'npm audit fix --force',
    'command -v rm',
  ])('%s is not destructive', (source) => {
    expect(rulesOf(source)).toEqual([]);
  });

  test('the reason names the command and points at it', () => {
    expect(analyzeShell('ls\n  sudo systemctl restart nginx').destructive).toEqual([
      {
        rule: 'systemctl-restart',
        reason: 'systemctl restart stops and starts the service, interrupting it',
        text: 'sudo systemctl restart nginx',
        line: 2,
        column: 8,
      },
    ]);
  });

  test('one reason per command, several per cell, in order', () => {
    const reasons = analyzeShell('docker-compose down -v\nkubectl delete ns x\nrm -rf y').destructive;
    expect(reasons.map((reason) => `${reason.rule}@${reason.line}`)).toEqual(['docker-compose-down-volumes@1', 'kubectl-delete@2', 'rm-recursive@3']);
  });

  test('long command text is trimmed to about 200 characters', () => {
    const [reason] = analyzeShell(`rm -rf ${'x'.repeat(300)}`).destructive;
    expect(reason?.text.length).toBe(200);
    expect(reason?.text.endsWith('…')).toBe(true);
  });

  test('every rule has a kebab-case id and a reason', () => {
    for (const rule of destructiveRules) {
      expect(rule.rule).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.reason.length).toBeGreaterThan(10);
    }
  });
});
