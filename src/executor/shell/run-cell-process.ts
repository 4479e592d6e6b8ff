import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { countGroupMembers, endProcessGroup, trackGroup } from './process-group.js';
import { pumpOutput, type OutputPump } from './pump-output.js';
import { endProcessTree } from './process-tree.js';
import { waitForExit, type ExitInfo } from './wait-for-exit.js';
import type { ShellRunHooks } from './types.js';

/** What {@link runCellProcess} needs to start one bash. */
export interface CellProcessOptions {
  bash: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  interactive: boolean;
  timeoutMs: number | null;
  killGraceMs: number;
  hooks: ShellRunHooks;
}

/** How the process ended; `outputError` is set when `onOutput` failed (litops's fault, not the cell's). */
export interface CellProcessOutcome extends ExitInfo {
  timedOut: boolean;
  cancelled: boolean;
  durationMs: number;
  leftovers: number;
  outputError: { cause: unknown } | null;
}

/**
 * Runs bash and waits for it, its process group and its output.
 *
 * node:child_process rather than execa: execa's `cleanup` does nothing for a
 * detached subprocess, its `timeout` and `cancelSignal` signal the bash pid only
 * (not the group), and its promise waits for the stdio streams to end, which never
 * happens while a leftover background process holds the pipes. We need the raw
 * 'exit' event to end leftovers, and with `buffer: false` execa would add nothing.
 */
export async function runCellProcess(options: CellProcessOptions): Promise<CellProcessOutcome> {
  const { interactive, hooks, killGraceMs } = options;
  const started = performance.now();
  let child: ChildProcess;
  try {
    child = spawn(options.bash, options.args, {
      cwd: options.cwd,
      env: options.env,
      // Own process group (setsid), so the whole group can be ended. An interactive cell
      // must stay in litops's (foreground) group: a background group reading the terminal is stopped by SIGTTIN.
      detached: !interactive,
      stdio: interactive ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    // Invalid arguments (a NUL byte in the environment...): the process never started.
    const spawnError = error instanceof Error ? error.message : String(error);
    return { exitCode: null, signal: null, spawnError, timedOut: false, cancelled: false, durationMs: 0, leftovers: 0, outputError: null };
  }
  const exited = waitForExit(child);
  const pgid = !interactive && child.pid !== undefined ? child.pid : null;
  const untrack = pgid === null ? () => undefined : trackGroup(pgid);
  const pump = child.stdout && child.stderr ? pumpOutput({ stdout: child.stdout, stderr: child.stderr }, hooks.onOutput) : null;

  let ending: Promise<void> | null = null;
  const end = (): Promise<void> => (ending ??= pgid === null ? endProcessTree(child, killGraceMs) : endProcessGroup(pgid, killGraceMs));
  let timedOut = false;
  let cancelled = false;
  let outputError: { cause: unknown } | null = null;
  const onTimeout = (): void => {
    timedOut = true;
    void end();
  };
  const onAbort = (): void => {
    cancelled = true;
    void end();
  };
  const timer = options.timeoutMs === null ? null : setTimeout(onTimeout, options.timeoutMs);
  hooks.signal?.addEventListener('abort', onAbort, { once: true });
  pump?.finished.catch((cause: unknown) => {
    outputError = { cause };
    void end();
  });

  const exit = await exited;
  const durationMs = performance.now() - started;
  if (timer) clearTimeout(timer);
  hooks.signal?.removeEventListener('abort', onAbort);
  let leftovers = 0;
  if (pgid !== null && ending === null) {
    leftovers = countGroupMembers(pgid);
    if (leftovers > 0) void end();
  }
  await ending;
  untrack();
  if (pump) await drainOutput(pump, killGraceMs);
  return { ...exit, timedOut, cancelled, durationMs, leftovers, outputError };
}

/** Waits for the pipes to close, for at most `readingMs` of reading (not counting time spent in `onOutput`). */
async function drainOutput(pump: OutputPump, readingMs: number): Promise<void> {
  pump.abandonAfter(readingMs);
  await pump.finished.catch(() => undefined);
}
