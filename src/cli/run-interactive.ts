import type { Selection } from '../executor/index.js';
import { ExitCode, type ExitCodeValue } from '../model/errors.js';
import type { Runbook } from '../model/runbook.js';
import type { TuiControllerOptions, TuiRunLog } from '../tui/index.js';
import type { ChoiceInputs } from '../tui/index.js';
import type { CliIo, OptionValues } from './command-spec.js';
import type { RunLog } from './run-log.js';
import { readVersion } from './version.js';
import { summarizeOptions } from './summarize-options.js';

/** What `run` and `resume` hand to {@link runInteractive}. */
export interface InteractiveInput {
  runbook: Runbook;
  runbookDir: string;
  options: OptionValues;
  io: CliIo;
  inputs: { values: Record<string, string>; sources: Record<string, string>; missing: string[] };
  /** What each choice of the overview needs (default: `inputs.missing` for any choice). */
  inputsByChoice?: ReadonlyMap<string | null, ChoiceInputs>;
  selection: Selection;
  /** Shown as the overview's only choice when the command line selected steps. */
  fixedSelection: string | null;
  timeoutMs: number | null;
  /** A new run's directory. */
  createLog(runId: string): Promise<TuiRunLog>;
  /** Resume: reopen this run instead of starting one. */
  resume?: TuiControllerOptions['resume'];
}

/** Runs the terminal UI on the process's terminal until the operator leaves; returns the exit code. */
export async function runInteractive(input: InteractiveInput): Promise<ExitCodeValue> {
  const { runbook, options, io } = input;
  const tui = await import('../tui/index.js');
  const env = { ...io.env };
  const terminal = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  const size = { cols: terminal.stdout.columns || 80, rows: terminal.stdout.rows || 24 };
  const state = tui.createTuiState({ runbook, size, missingInputs: input.inputs.missing, ...(input.inputsByChoice ? { inputsByChoice: input.inputsByChoice } : {}), values: input.inputs.values, fixedSelection: input.fixedSelection, editor: env.VISUAL || env.EDITOR ? 'external' : 'inline' });
  let controller: ReturnType<typeof tui.createTuiController> | null = null;
  const store = tui.createTuiStore(state, (effects) => controller?.handle(effects));
  let mounted: ReturnType<typeof tui.mountTui> | null = null;
  // What the log says stopped a run that did not end: the operator quit, unless a signal or a crash says otherwise.
  let stopReason = 'the operator quit';
  const withStopReason = (log: TuiRunLog): TuiRunLog => ({ runDir: log.runDir, write: (event) => log.write(event), finish: (ended) => (log as RunLog).finish(ended, stopReason) });
  const resume = input.resume;
  controller = tui.createTuiController(store, {
    runbook,
    runbookDir: input.runbookDir,
    values: input.inputs.values,
    inputSources: input.inputs.sources,
    selection: input.selection,
    db: typeof options.db === 'string' ? options.db : null,
    sandbox: options.sandbox === true,
    env,
    dataDir: `${process.cwd()}/.litops`,
    timeoutMs: input.timeoutMs,
    hooks: { createLog: async (runId) => withStopReason(await input.createLog(runId)), suspend: (task, suspendOptions) => mounted!.suspend(task, suspendOptions), options: summarizeOptions(options), toolVersion: await readVersion() },
    ...(resume ? { resume: { ...resume, openLog: async () => withStopReason(await resume.openLog()) } } : {}),
  });
  // After a hangup the terminal is gone: writes fail with EIO/EPIPE, which must not end the process before the log is signed.
  const ignoreWriteError = () => undefined;
  terminal.stdout.on('error', ignoreWriteError);
  const onSignal = (signal: NodeJS.Signals) => {
    if (signal === 'SIGINT') return store.dispatch({ type: 'interrupt' });
    // The terminal went away or we were asked to stop: sign what ran, leave it resumable.
    stopReason = signal === 'SIGHUP' ? 'the terminal went away (SIGHUP)' : `litops was stopped (${signal})`;
    void controller!.shutdown().finally(() => {
      mounted?.close();
      process.exit(ExitCode.interrupted);
    });
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, onSignal);
  // Stepping aside for an interactive cell leaves stdin unref'd for a moment (Ink's cleanup);
  // the UI must not end because no handle happens to keep the event loop alive.
  const keepAlive = setInterval(() => undefined, 60_000);
  let crashed: unknown = null;
  mounted = tui.mountTui(store, terminal, (error) => {
    crashed = error;
    stopReason = 'the terminal UI failed';
    void controller!.shutdown().finally(() => controller!.stop(ExitCode.failed));
  });
  if (input.resume && input.inputs.missing.length === 0) store.dispatch({ type: 'primary' });
  try {
    const code = await controller.done;
    mounted.close();
    if (crashed) io.stderr.write(`litops: the terminal UI failed: ${crashed instanceof Error ? (crashed.stack ?? crashed.message) : String(crashed)}\n`);
    const final = store.getState();
    if (final.run) {
      io.stdout.write(`Run directory: ${final.run.dir}\n`);
      io.stdout.write(final.ending ? `  ${final.ending.run.status}: ${final.ending.run.reason}\n  litops verify ${final.run.dir}\n` : `  paused; continue with: litops resume ${final.run.dir}\n`);
    }
    return code as ExitCodeValue;
  } finally {
    clearInterval(keepAlive);
    for (const signal of signals) process.off(signal, onSignal);
    terminal.stdout.off('error', ignoreWriteError);
  }
}
