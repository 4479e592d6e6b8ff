/** Options of {@link createShellSession}. */
export interface ShellSessionOptions {
  /** Working directory of the first cell (absolute, or relative to `process.cwd()`). */
  cwd: string;
  /** Environment every cell starts from (already includes resolved inputs and `LITOPS_RUN_ID`). Nothing else is inherited. */
  env: Record<string, string>;
  /** `set -e` in every cell (default `true`; front matter may turn it off). `pipefail` is always on. */
  errexit?: boolean;
  /**
   * Private directory for state files (created with mode 0700 if missing). The session
   * works in a fresh 0700 subdirectory that `close()` removes. State files may hold
   * secret values: never point this at the run directory.
   */
  stateDir: string;
  /** The bash executable, 4.4 or newer (default `'bash'`, looked up on `env.PATH`). */
  bash?: string;
  /** Milliseconds between SIGTERM and SIGKILL when a cell's process group is ended (default 2000). */
  killGraceMs?: number;
}

/** One shell cell to run. */
export interface ShellCellInput {
  /** Cell id, exported to the cell as `LITOPS_CELL`. */
  id: string;
  /** The runbook line of the cell's first source line, where a missing command is reported (default: 1, lines of the cell). */
  line?: number;
  /** The cell's text, run byte for byte (it is written to a file and sourced). */
  source: string;
  /**
   * Give the cell litops's terminal (default `false`): stdin, stdout and stderr are
   * inherited, output is not captured (`onOutput` is never called), and the cell runs
   * in litops's process group so that it may read the terminal; a timeout or cancel
   * then ends bash and its descendants (not a group: the group is litops's), and
   * `leftovers` is always 0.
   */
  interactive?: boolean;
  /** End the cell's process group after this many milliseconds (default: no timeout). */
  timeoutMs?: number | null;
  /** Run the cell in this directory, relative to the session's current one (default: the session's). */
  cwd?: string | null;
  /** Extra environment for this cell only; kept for later cells only if the cell assigns the variable. */
  env?: Record<string, string>;
}

/** Where a cell's output goes. */
export interface ShellRunHooks {
  /**
   * Called with each chunk as it arrives, decoded as UTF-8 (never split inside a
   * character), one call at a time in arrival order. When it returns a promise,
   * reading stops until the promise settles (backpressure). A throw or rejection
   * ends the cell's process group and makes `run()` reject with a `LitopsError`.
   */
  onOutput: (stream: 'stdout' | 'stderr', chunk: string) => void | Promise<void>;
  /** Aborting ends the cell's process group; the result then has `cancelled: true`. */
  signal?: AbortSignal;
}

/** How a cell ended. Failures of the cell are results, never exceptions. */
export interface ShellResult {
  /** bash's exit code, or null when it was ended by a signal or never started. */
  exitCode: number | null;
  /** The signal that ended bash (`'SIGTERM'`, `'SIGKILL'`...), else null. */
  signal: string | null;
  /** The cell's `timeoutMs` elapsed and its process group was ended. */
  timedOut: boolean;
  /** The `signal` hook aborted (before or during the cell) and its process group was ended. */
  cancelled: boolean;
  /** From start to bash's exit, in milliseconds. */
  durationMs: number;
  /** The absolute directory the cell started in. */
  cwd: string;
  /** Why the cell could not run or did not end by itself (bad `cwd`, bash missing...), else null. */
  error: string | null;
  /** Processes of the cell's group still alive after bash exited by itself, which were then ended. */
  leftovers: number;
  /**
   * Whether bash saved the state the cell left. False when bash died before it could
   * (`kill -9 $$`, `exec cmd`, a `trap ... EXIT` set in POSIX mode, a cell that never
   * started): the next cell then starts from the state before this one.
   */
  stateSaved: boolean;
}

/** What `restore()` takes: what `variables()`, `exportedNames()` and `cwd()` returned. */
export interface ShellState {
  /** Name to value; an array is its `declare -p` text (as `variables()` returns it). */
  variables: Record<string, string>;
  /** Absolute working directory for the next cell. */
  cwd: string;
  /** Names to export to child processes (default: all of `variables`). */
  exported?: readonly string[];
}

/** A chain of cells that behave as if one bash ran them all. */
export interface ShellSession {
  /** Runs one cell. Rejects only for litops's own faults (session closed or busy, state files unwritable, `onOutput` failed). */
  run(cell: ShellCellInput, hooks: ShellRunHooks): Promise<ShellResult>;
  /**
   * Variables that cells set or changed (inherited ones only when a cell changed
   * them): scalars as their value, arrays as their `declare -p` text. Not `OLDPWD`.
   */
  variables(): Record<string, string>;
  /** Which of `variables()` are exported. */
  exportedNames(): string[];
  /** The directory the next cell starts in. */
  cwd(): string;
  /** Replaces the carried variables and the working directory (for `litops resume`); functions and shell options are kept. */
  restore(state: ShellState): void;
  /** Ends a running cell, then removes the session's state files. Idempotent. */
  close(): Promise<void>;
}
