import { resolve } from 'node:path';
import { LitopsError } from '../../model/errors.js';
import { quoteShell } from './quote-shell.js';
import { resolveCellCwd } from './resolve-cell-cwd.js';
import { runCellProcess, type CellProcessOutcome } from './run-cell-process.js';
import { cleanCellFiles, collectCellState, createSessionFiles, prepareCellFiles, removeSessionFiles } from './session-files.js';
import { applyVariableChanges, buildCarriedVariables, formatVariablesScript, listVariables, type CarriedVariables } from './shell-variables.js';
import type { ShellCellInput, ShellResult, ShellRunHooks, ShellSession, ShellSessionOptions } from './types.js';

/**
 * A shell session: every cell runs in its own bash (own exit code, own process
 * group) that first restores what earlier cells left (variables, functions,
 * aliases, shell options, working directory) and saves it again when it exits.
 * Creating one makes its private state directory; `close()` removes it.
 */
export function createShellSession(options: ShellSessionOptions): ShellSession {
  const files = createSessionFiles(options.stateDir, options.errexit ?? true);
  const killGraceMs = options.killGraceMs ?? 2000;
  let carried: CarriedVariables = new Map();
  let cwd = resolve(options.cwd);
  let running: { stop: AbortController; done: Promise<ShellResult> } | null = null;
  let closed = false;

  const runCell = async (cell: ShellCellInput, hooks: ShellRunHooks, stop: AbortSignal): Promise<ShellResult> => {
    const start = await resolveCellCwd(cwd, cell.cwd, options.env.HOME);
    const signal = hooks.signal ? AbortSignal.any([hooks.signal, stop]) : stop;
    if (start.error || signal.aborted) return makeNotRunResult(start.cwd, start.error ?? 'cancelled before it started', !start.error);
    const cellEnv = { ...cell.env, LITOPS_CELL: cell.id };
    await prepareCellFiles(files, formatVariablesScript(carried), cell.source, cellEnv, cell.line ?? 1);
    try {
      const outcome = await runCellProcess({
        bash: options.bash ?? 'bash',
        args: ['--noprofile', '--norc', '-c', `. ${quoteShell(files.prelude)}`],
        cwd: start.cwd,
        env: { ...options.env, ...cellEnv, PWD: start.cwd },
        interactive: cell.interactive ?? false,
        timeoutMs: cell.timeoutMs ?? null,
        killGraceMs,
        hooks: { onOutput: hooks.onOutput, signal },
      });
      if (outcome.outputError) {
        throw new LitopsError('shell-output-failed', `output of cell ${cell.id} could not be delivered`, { cause: outcome.outputError.cause });
      }
      const changes = outcome.spawnError === null ? await collectCellState(files) : null;
      if (changes) {
        applyVariableChanges(carried, changes);
        // A `cwd` attribute holds for its cell only; a `cd` in the cell carries on.
        if (!cell.cwd || changes.cwd !== start.cwd) cwd = changes.cwd;
      }
      const { exitCode, signal: endSignal, timedOut, cancelled, durationMs, leftovers } = outcome;
      const error = describeFailure(outcome, cell, options.bash ?? 'bash');
      return { exitCode, signal: endSignal, timedOut, cancelled, durationMs, cwd: start.cwd, error, leftovers, stateSaved: changes !== null };
    } finally {
      await cleanCellFiles(files);
    }
  };

  return {
    async run(cell, hooks) {
      if (closed) throw new LitopsError('shell-session-closed', `cannot run cell ${cell.id}: the shell session is closed`);
      if (running) throw new LitopsError('shell-session-busy', `cannot run cell ${cell.id}: another cell is running in this shell session`);
      checkTimeout(cell);
      const stop = new AbortController();
      const done = runCell(cell, hooks, stop.signal);
      running = { stop, done };
      try {
        return await done;
      } finally {
        running = null;
      }
    },
    variables: () => listVariables(carried),
    exportedNames: () => [...carried].filter(([name, v]) => v.kind === 'set' && v.exported && name !== 'OLDPWD').map(([name]) => name),
    cwd: () => cwd,
    restore(state) {
      if (running) throw new LitopsError('shell-session-busy', 'cannot restore the shell session while a cell runs');
      carried = buildCarriedVariables(state.variables, state.exported);
      cwd = resolve(state.cwd);
    },
    async close() {
      closed = true;
      if (running) {
        running.stop.abort();
        await running.done.catch(() => undefined);
      }
      await removeSessionFiles(files);
    },
  };
}

function makeNotRunResult(cwd: string, error: string, cancelled: boolean): ShellResult {
  return { exitCode: null, signal: null, timedOut: false, cancelled, durationMs: 0, cwd, error, leftovers: 0, stateSaved: false };
}

/** The one-line reason when the cell did not end by itself, else null. */
function describeFailure(outcome: CellProcessOutcome, cell: ShellCellInput, bash: string): string | null {
  if (outcome.spawnError) return `cannot start ${bash}: ${outcome.spawnError}`;
  if (outcome.timedOut) return `timed out after ${cell.timeoutMs} ms`;
  if (outcome.cancelled) return 'cancelled';
  return null;
}

function checkTimeout(cell: ShellCellInput): void {
  const { timeoutMs } = cell;
  if (timeoutMs !== null && timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new LitopsError('shell-invalid-timeout', `invalid timeout for cell ${cell.id}: ${timeoutMs} (a positive number of milliseconds, or null)`);
  }
}
