import type { RunEvent } from '../../model/events.js';

/** The signed run directory the UI writes to (made by the CLI: it owns keys and paths). */
export interface TuiRunLog {
  runDir: string;
  write(event: RunEvent): Promise<void>;
  /** Signs the run: as ended, or as interrupted (resumable). */
  finish(ended: boolean): Promise<void>;
}

/** Options of {@link TuiRunHooks.suspend}. */
export interface SuspendOptions {
  /** Printed on the terminal before the task has it, one or more lines (default: nothing). */
  banner?: string;
}

/** What the CLI gives the controller: how to make the run directory and what to record. */
export interface TuiRunHooks {
  /** Creates the run directory of a new run. */
  createLog(runId: string): Promise<TuiRunLog>;
  /**
   * Steps aside from the terminal while `task` runs (an interactive or blocking cell,
   * `$EDITOR`), then comes back. `banner`: a line printed on the terminal first
   * (how to leave a blocking cell).
   */
  suspend<T>(task: () => Promise<T>, options?: SuspendOptions): Promise<T>;
  /** Options as run.start records them. */
  options: Record<string, unknown>;
  toolVersion: string;
}
