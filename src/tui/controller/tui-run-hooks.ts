import type { RunEvent } from '../../model/events.js';

/** The signed run directory the UI writes to (made by the CLI: it owns keys and paths). */
export interface TuiRunLog {
  runDir: string;
  write(event: RunEvent): Promise<void>;
  /** Signs the run: as ended, or as interrupted (resumable). */
  finish(ended: boolean): Promise<void>;
}

/** What the CLI gives the controller: how to make the run directory and what to record. */
export interface TuiRunHooks {
  /** Creates the run directory of a new run. */
  createLog(runId: string): Promise<TuiRunLog>;
  /** Steps aside from the terminal while `task` runs (an interactive cell, `$EDITOR`), then comes back. */
  suspend<T>(task: () => Promise<T>): Promise<T>;
  /** Options as run.start records them. */
  options: Record<string, unknown>;
  toolVersion: string;
}
