import { open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { TargetUnavailableError } from '../backend.js';

interface LockOwner {
  pid: number;
  host: string;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(lockPath: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? { pid: owner.pid, host: owner.host } : null;
  } catch {
    return null;
  }
}

/**
 * Takes the lock file that keeps two litops processes (or two sessions of one)
 * from opening the same embedded data directory, which PGlite would corrupt.
 * A lock left by a process that no longer runs on this host is taken over.
 * Throws `TargetUnavailableError` naming the holder; resolves to the release.
 */
export async function acquireDataDirLock(lockPath: string, dataDir: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const file = await open(lockPath, 'wx');
      await file.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      await file.close();
      return async () => {
        const owner = await readOwner(lockPath);
        if (owner?.pid === process.pid && owner.host === hostname()) await unlink(lockPath).catch(() => {});
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = await readOwner(lockPath);
    const stale = owner !== null && owner.host === hostname() && owner.pid !== process.pid && !isProcessAlive(owner.pid);
    if (stale && attempt === 0) {
      await unlink(lockPath).catch(() => {});
      continue;
    }
    const holder = !owner ? 'another litops process' : owner.pid === process.pid && owner.host === hostname() ? 'another session of this litops process' : `litops process ${owner.pid} on ${owner.host}`;
    throw new TargetUnavailableError(`the embedded PostgreSQL at ${dataDir} is in use by ${holder}; wait for it to finish or use --sandbox (lock file: ${lockPath})`);
  }
  throw new TargetUnavailableError(`could not lock the embedded PostgreSQL at ${dataDir} (lock file: ${lockPath})`);
}
