import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The role tests connect as over TCP, with a password so that redaction can be checked. */
export const TEST_ROLE = 'litops';
export const TEST_PASSWORD = 's3cret-pw';

/** A throwaway PostgreSQL server started for a test run. */
export interface PostgresServer {
  /** `postgres://litops:s3cret-pw@127.0.0.1:PORT/postgres` (scram-sha-256 over TCP). */
  url: string;
  /** Superuser over the unix socket (trust), for administration in tests. */
  adminUrl: string;
  port: number;
  /** Temporary directory holding `data/`, the unix socket and `postgres.log`. */
  dir: string;
  logFile: string;
  /** Stops the server (fast shutdown) and removes its directory. Idempotent. */
  stop(): Promise<void>;
  /** Synchronous variant for process exit hooks. */
  stopSync(): void;
}

/** Where `initdb`, `pg_ctl` and `postgres` live. */
export interface PostgresBinaries {
  dir: string;
  initdb: string;
  pgCtl: string;
}

function searchPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return null;
}

function versionOf(dir: string): number {
  return Number.parseFloat(/postgresql\/([\d.]+)\//.exec(dir)?.[1] ?? '0');
}

/** Finds `initdb`/`pg_ctl` on PATH, then in `/usr/lib/postgresql/<newest>/bin`. Null when absent. */
export function findPostgresBinaries(): PostgresBinaries | null {
  const onPath = searchPath('initdb');
  // Debian puts symlinks on PATH; use the real directory so pg_ctl finds its own postgres.
  const candidates = onPath ? [dirname(realpathSync(onPath))] : [];
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).map((version) => join(root, version, 'bin'));
    candidates.push(...versions.sort((a, b) => versionOf(`${b}/`) - versionOf(`${a}/`)));
  }
  for (const dir of candidates) {
    const initdb = join(dir, 'initdb');
    const pgCtl = join(dir, 'pg_ctl');
    if (existsSync(initdb) && existsSync(pgCtl) && existsSync(join(dir, 'postgres'))) return { dir, initdb, pgCtl };
  }
  return null;
}

/** A free TCP port on 127.0.0.1 (released before use; callers retry on a clash). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The uid/gid to run PostgreSQL as: ours unless we are root (postgres refuses root), then `nobody`. */
function pickUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  try {
    const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return { uid: 65534, gid: 65534 };
  }
}

/** Builds the command line that runs `file` as `user` (setpriv, else runuser, else plain). */
function asUser(user: { uid: number; gid: number } | null, file: string, args: string[]): [string, string[]] {
  if (!user) return [file, args];
  if (searchPath('setpriv')) return ['setpriv', [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', file, ...args]];
  return ['runuser', ['-u', String(user.uid), '--', file, ...args]];
}

/** The environment for the server's tools: no PG* variables that could redirect them. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('PG')) env[key] = value;
  return { ...env, LC_ALL: 'C', LANG: 'C' };
}

function readLog(logFile: string): string {
  try {
    return readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
  } catch {
    return '(no log written)';
  }
}

async function waitUntilReady(adminUrl: string, logFile: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: adminUrl });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not become ready: ${(error as Error).message}\n--- ${logFile} ---\n${readLog(logFile)}`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** attempt, 500)));
    }
  }
}

/**
 * Initialises a cluster in a temporary directory and starts it on a free port on
 * 127.0.0.1, with its unix socket in the same directory; as `nobody` when run
 * as root. Trust over the socket, scram-sha-256 over TCP for the `litops` role.
 * Throws with the tail of the server log when it cannot start.
 */
export async function startPostgresServer(binaries: PostgresBinaries): Promise<PostgresServer> {
  const user = pickUser();
  const dir = mkdtempSync(join(tmpdir(), 'litops-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  const env = cleanEnv();
  const exec = async (file: string, args: string[]): Promise<void> => {
    const [command, commandArgs] = asUser(user, file, args);
    await run(command, commandArgs, { env, cwd: dir });
  };
  try {
    await exec(binaries.initdb, ['-D', data, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${(error as { stderr?: string }).stderr ?? (error as Error).message}`);
  }
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await findFreePort();
    const settings = [`port = ${port}`, `unix_socket_directories = '${dir}'`, `listen_addresses = '127.0.0.1'`, 'fsync = off', 'synchronous_commit = off', 'full_page_writes = off', 'max_connections = 100'];
    appendFileSync(join(data, 'postgresql.conf'), `\n# litops test harness\n${settings.join('\n')}\n`);
    try {
      await exec(binaries.pgCtl, ['-D', data, '-l', logFile, '-w', '-t', '60', 'start']);
      break;
    } catch (error) {
      if (attempt < 3 && /could not bind|Address already in use/.test(readLog(logFile))) continue;
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`pg_ctl start failed: ${(error as Error).message}\n--- ${logFile} ---\n${readLog(logFile)}`);
    }
  }
  const adminUrl = `postgres://postgres@localhost/postgres?host=${encodeURIComponent(dir)}&port=${port}`;
  const stopSync = (): void => {
    if (!existsSync(dir)) return;
    const [command, args] = asUser(user, binaries.pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
    try {
      execFileSync(command, args, { env, stdio: 'ignore' });
    } catch {
      // Already stopped (or never started): removing the directory is all that is left.
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    await waitUntilReady(adminUrl, logFile);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE ROLE ${TEST_ROLE} LOGIN CREATEDB PASSWORD '${TEST_PASSWORD}'`);
    await admin.end();
  } catch (error) {
    const log = readLog(logFile);
    stopSync();
    throw new Error(`${(error as Error).message}\n--- ${logFile} ---\n${log}`);
  }
  return {
    url: `postgres://${TEST_ROLE}:${TEST_PASSWORD}@127.0.0.1:${port}/postgres`,
    adminUrl,
    port,
    dir,
    logFile,
    stopSync,
    stop: async () => stopSync(),
  };
}
