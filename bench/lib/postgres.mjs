// A throwaway PostgreSQL for the SQL figure, started as the test harness does
// (test/support/postgres-server.ts, copied in short): initdb and pg_ctl into a
// temporary directory, a free port on 127.0.0.1, as `nobody` when run as root.
import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROLE = 'bench';
const PASSWORD = 'bench-pw';

function onPath(name) {
  return (process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, name)).find((file) => existsSync(file)) ?? null;
}

/** The directory holding initdb, pg_ctl and postgres: PATH first, then Debian's newest /usr/lib/postgresql/N/bin. */
function findBinDir() {
  const candidates = onPath('initdb') ? [dirname(realpathSync(onPath('initdb')))] : [];
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) candidates.push(...readdirSync(root).sort((a, b) => Number(b) - Number(a)).map((v) => join(root, v, 'bin')));
  const dir = candidates.find((d) => ['initdb', 'pg_ctl', 'postgres'].every((f) => existsSync(join(d, f))));
  if (!dir) throw new Error('PostgreSQL not found (initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin); install postgresql');
  return dir;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: then `nobody`. Null when we are not root. */
function pickUser() {
  if (process.getuid?.() !== 0) return null;
  const id = (flag) => Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function asUser(user, file, args) {
  if (!user) return [file, args];
  return ['setpriv', [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', file, ...args]];
}

function cleanEnv() {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PG')));
  return { ...env, LC_ALL: 'C', LANG: 'C' };
}

/**
 * Starts a server; returns `{ url, stop }` where url is
 * `postgres://bench:bench-pw@127.0.0.1:PORT/postgres` (scram-sha-256 over TCP,
 * as a real deployment would be reached). Settings as in the tests (fsync off).
 */
export async function startPostgres() {
  const bin = findBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'litops-bench-pg-'));
  const user = pickUser();
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const env = cleanEnv();
  const exec = (file, args) => run(...asUser(user, join(bin, file), args), { env, cwd: dir });
  await exec('initdb', ['-D', data, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', '--encoding=UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const settings = [`port = ${port}`, `unix_socket_directories = '${dir}'`, `listen_addresses = '127.0.0.1'`, 'fsync = off', 'synchronous_commit = off', 'full_page_writes = off'];
  appendFileSync(join(data, 'postgresql.conf'), `\n${settings.join('\n')}\n`);
  await exec('pg_ctl', ['-D', data, '-l', join(dir, 'postgres.log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    try {
      execFileSync(...asUser(user, join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']), { env, stdio: 'ignore' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  process.once('exit', stop);
  try {
    await run('psql', ['-X', '-q', '-h', dir, '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-c', `CREATE ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}'`], { env });
  } catch (error) {
    stop();
    throw error;
  }
  return { url: `postgres://${ROLE}:${PASSWORD}@127.0.0.1:${port}/postgres`, stop };
}
