import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';

/** How a child process ended, or why it never started. */
export interface ExitInfo {
  exitCode: number | null;
  signal: string | null;
  /** Set when the process could not be started (`spawn bash ENOENT`). */
  spawnError: string | null;
}

/** Resolves on 'exit', or on the 'error' of a spawn that failed; never rejects. */
export function waitForExit(child: ChildProcess): Promise<ExitInfo> {
  return new Promise((resolve) => {
    child.once('exit', (exitCode, signal) => resolve({ exitCode, signal, spawnError: null }));
    child.once('error', (error) => {
      if (child.pid === undefined) resolve({ exitCode: null, signal: null, spawnError: error.message });
    });
  });
}

/** Ends one process (no group): SIGTERM, then SIGKILL after `graceMs`. */
export async function endChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const ac = new AbortController();
  const stillRunning = await Promise.race([exited.then(() => false), delay(graceMs, true, { signal: ac.signal })]);
  ac.abort();
  if (stillRunning) child.kill('SIGKILL');
}
