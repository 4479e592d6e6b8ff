import type { ChildProcess } from 'node:child_process';

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
