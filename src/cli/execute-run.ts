import type { RunContext, Plan } from '../executor/index.js';
import { ExitCode, type ExitCodeValue } from '../model/errors.js';
import type { RunEvent } from '../model/events.js';
import type { Runbook } from '../model/runbook.js';
import type { Answers } from '../model/answers.js';
import type { CliIo, OptionValues } from './command-spec.js';
import { getInvocation } from './invocation.js';
import type { RunLog } from './run-log.js';
import { isColorEnabled } from './style.js';
import { readVersion } from './version.js';
import { summarizeOptions } from './summarize-options.js';
import { writeReports } from './write-reports.js';
import { strings } from './commands/run.js';

/** What `run` and `resume` hand to {@link executeRun}. */
export interface ExecuteRunInput {
  runbook: Runbook;
  runbookDir: string;
  runId: string;
  plan: Plan;
  inputs: { values: Record<string, string>; sources: Record<string, string> };
  options: OptionValues;
  io: CliIo;
  log: RunLog;
  timeoutMs: number | null;
  /** `--answers`, validated (default: none). */
  answers?: Answers;
  /** Resume: restore the session before anything runs; else `run.start` is emitted. */
  restore?: (context: RunContext) => Promise<void>;
}

/**
 * Runs a plan unattended with console progress and the signed log, Ctrl-C
 * cancelling the running cell; prints where the run directory is.
 */
export async function executeRun(input: ExecuteRunInput): Promise<ExitCodeValue> {
  const { runbook, options, io, log } = input;
  const executor = await import('../executor/index.js');
  const { createConsoleReporter } = await import('../reporters/index.js');
  const progress = options.json === true ? io.stderr : io.stdout;
  const env = { ...io.env };
  const events: RunEvent[] = [];
  const report = createConsoleReporter({ write: (text) => progress.write(text), runbook, color: isColorEnabled(progress, io.env), githubActions: env.GITHUB_ACTIONS === 'true' });
  const { context, close } = await executor.createRun({
    runbook,
    runbookDir: input.runbookDir,
    runId: input.runId,
    values: input.inputs.values,
    db: typeof options.db === 'string' ? options.db : null,
    sandbox: options.sandbox === true,
    env,
    dataDir: `${process.cwd()}/.litops`,
    timeoutMs: input.timeoutMs,
    emit: (event) => {
      if (event.type !== 'cell.output') events.push(event);
      report(event);
      return log.write(event);
    },
  });
  const abort = new AbortController();
  const onSigint = () => {
    if (abort.signal.aborted) process.exit(ExitCode.interrupted);
    progress.write('\nlitops: interrupted; ending the running cell (Ctrl-C again to quit at once; the log stays resumable)\n');
    abort.abort();
  };
  process.on('SIGINT', onSigint);
  let ended = false;
  try {
    if (input.restore) await input.restore(context);
    else await executor.emitRunStart(context, { options: summarizeOptions(options), inputSources: input.inputs.sources, mode: 'ci', plan: input.plan, toolVersion: await readVersion() });
    for (const note of input.plan.notes) await context.emit({ type: 'run.notice', level: 'warning', message: note, ts: new Date().toISOString() });
    const summary = await executor.runUnattended(context, input.plan, { keepGoing: options['keep-going'] === true, signal: abort.signal, ...(input.answers ? { answers: input.answers } : {}) });
    ended = true;
    await log.finish(true);
    await writeReports(log.runDir, strings(options.report));
    progress.write(`\nRun directory: ${log.runDir}\n  ${getInvocation(io.env)} verify ${log.runDir}\n`);
    if (options.json === true) {
      const { buildRunSummaryJson } = await import('./run-summary-json.js');
      io.stdout.write(`${JSON.stringify({ ...buildRunSummaryJson(runbook, events), runDir: log.runDir }, null, 2)}\n`);
    }
    return summary.exitCode as ExitCodeValue;
  } finally {
    process.off('SIGINT', onSigint);
    await close();
    if (!ended) await log.finish(false);
  }
}
