/**
 * Commands common in operations runbooks. Used only to guess whether an unlabeled
 * block is shell; lower-case, as typed.
 */
export const knownCommands: ReadonlySet<string> = new Set([
  // shell builtins and keywords that start statements
  'alias', 'bg', 'cd', 'command', 'declare', 'echo', 'eval', 'exec', 'exit', 'export', 'fg', 'getopts', 'jobs', 'kill',
  'let', 'local', 'popd', 'printf', 'pushd', 'pwd', 'read', 'readonly', 'return', 'set', 'shift', 'source', 'test',
  'trap', 'type', 'ulimit', 'umask', 'unalias', 'unset', 'wait', '.', '[', 'time', 'true', 'false',
  // files and text
  'awk', 'base64', 'basename', 'cat', 'chmod', 'chown', 'cp', 'cut', 'date', 'dd', 'df', 'diff', 'dirname', 'du',
  'env', 'file', 'find', 'grep', 'egrep', 'gunzip', 'gzip', 'head', 'jq', 'yq', 'less', 'ln', 'ls', 'md5sum', 'mkdir',
  'mktemp', 'more', 'mv', 'rm', 'rmdir', 'rsync', 'sed', 'sha256sum', 'shasum', 'sort', 'stat', 'tail', 'tar', 'tee',
  'touch', 'tr', 'truncate', 'uniq', 'unzip', 'wc', 'xargs', 'zip', 'zcat', 'realpath', 'readlink', 'column', 'openssl',
  // processes and system
  'crontab', 'free', 'htop', 'hostname', 'id', 'iostat', 'journalctl', 'kill', 'killall', 'logrotate', 'lsof', 'mount',
  'netstat', 'nice', 'nohup', 'pgrep', 'pkill', 'ps', 'reboot', 'service', 'shutdown', 'sleep', 'ss', 'sudo', 'su',
  'systemctl', 'timeout', 'top', 'uname', 'uptime', 'vmstat', 'watch', 'whoami', 'which', 'apt', 'apt-get', 'yum',
  'dnf', 'apk', 'brew', 'snap', 'useradd', 'usermod', 'passwd', 'iptables', 'ufw', 'sysctl', 'dmesg', 'last', 'chronyc',
  // network
  'curl', 'wget', 'dig', 'nslookup', 'host', 'ping', 'traceroute', 'nc', 'telnet', 'ssh', 'scp', 'sftp', 'ssh-keygen',
  'ip', 'ifconfig', 'certbot', 'nginx', 'tcpdump',
  // databases
  'psql', 'pg_dump', 'pg_dumpall', 'pg_restore', 'pg_isready', 'pg_ctl', 'pg_basebackup', 'createdb', 'dropdb',
  'createuser', 'dropuser', 'mysql', 'mysqldump', 'redis-cli', 'mongo', 'mongosh', 'mongodump', 'sqlite3', 'pgbench',
  // containers, clusters, clouds
  'docker', 'docker-compose', 'podman', 'kubectl', 'helm', 'k9s', 'kind', 'minikube', 'oc', 'terraform', 'tofu',
  'ansible', 'ansible-playbook', 'aws', 'gcloud', 'gsutil', 'az', 'doctl', 'fly', 'flyctl', 'heroku', 'vercel',
  'netlify', 'wrangler', 'supabase', 'railway', 'render', 'pm2', 'consul', 'vault', 'nomad', 'etcdctl',
  // languages and build tools
  'node', 'npm', 'npx', 'pnpm', 'yarn', 'bun', 'deno', 'python', 'python3', 'pip', 'pip3', 'poetry', 'uv', 'go',
  'cargo', 'rustup', 'make', 'java', 'mvn', 'gradle', 'ruby', 'bundle', 'rake', 'php', 'composer', 'dotnet', 'git',
  'gh', 'forge', 'cast', 'anvil', 'slither', 'snyk', 'trivy', 'prisma', 'bash', 'sh', 'zsh',
]);
