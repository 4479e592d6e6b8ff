import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ExitCode, LitopsError, UsageError, type ExitCodeValue } from '../../model/errors.js';
import type { EventOf, RunEvent } from '../../model/events.js';
import type { RunContext } from '../../executor/index.js';
import type { ResumeState } from '../../journal/index.js';
import type { CommandContext, OptionValues } from '../command-spec.js';
import { isInteractive, isWholeSelection, parseTimeout, readCheckedAnswers, readSelection, strings } from './run.js';

/** `litops resume RUNDIR`: continue an interrupted run, in the same chain. */
export async function run({ args, options, io }: CommandContext): Promise<ExitCodeValue> {
  const runDir = resolve(args[0] ?? '');
  if (!(await stat(runDir).catch(() => null))?.isDirectory()) throw new UsageError(`${runDir}: not a run directory`);
  const [{ parseRunbookSync, loadSqlParser }, executor, journalModule] = await Promise.all([import('../../parser/index.js'), import('../../executor/index.js'), import('../../journal/index.js')]);
  await loadSqlParser();
  const lines = await readLoggedEvents(runDir);
  const runStart = lines[0] as EventOf<'run.start'> | undefined;
  if (runStart?.type !== 'run.start') throw new UsageError(`${runDir}: its log has no run.start; nothing to resume`);
  // Refused here, before a terminal UI opens on a run that cannot continue.
  const ended = lines.findLast((line) => line.type === 'run.end');
  if (ended && !journalModule.isResumableEnd(String(ended.status))) throw new LitopsError('resume-run-ended', `cannot resume ${runDir}: the run ended (${String(ended.status)}); there is nothing to resume`);
  const bytes = await readFile(join(runDir, 'runbook.md'));
  const { runbook } = parseRunbookSync(bytes.toString('utf8'), { path: runStart.runbook.path, bytes });
  const env = { ...io.env };
  const recorded = Object.fromEntries(Object.entries(runStart.inputs).filter(([, value]) => value !== '[REDACTED]'));
  const set = { ...recorded, ...executor.parseSetOptions(strings(options.set)) };
  const envFile = typeof options['env-file'] === 'string' ? await executor.readEnvFile(options['env-file']) : {};
  const answers = typeof options.answers === 'string' ? await readCheckedAnswers(options.answers, runbook) : undefined;
  // A cell's latest end decides: one cancelled when the run stopped (Ctrl-C, a hangup) has not finished and runs again.
  const latest = new Map<string, string>();
  for (const line of lines) {
    if (line.type === 'cell.end') latest.set(String(line.cell), String(line.status));
    if (line.type === 'decision' && line.action === 'skip' && line.cell) latest.set(String(line.cell), 'skipped');
  }
  const finished = new Set([...latest].filter(([, status]) => status !== 'cancelled').map(([cell]) => cell));
  const plan = executor.buildPlanFromCells(runbook, runStart.plan.filter((id) => !finished.has(id)));
  // What the remaining cells read; what finished cells set is restored with their session.
  const selection = readSelection(runStart.options as OptionValues);
  const variables = executor.scopeInputs(runbook, plan, { whole: isWholeSelection(selection), done: [...finished] });
  const inputs = executor.resolveInputs(variables, { set, envFile, env, frontMatterEnv: runbook.frontMatter.env ?? {} });
  const allowed = options['allow-destructive'];
  const allowDestructive = allowed === '*' ? true : [...(typeof allowed === 'string' ? allowed.split(',') : []), ...(answers?.confirm ?? [])];
  const interactive = isInteractive(options, io);
  const problems = executor.checkGate(runbook, plan, { mode: interactive ? 'interactive' : 'ci', allowDestructive, missingInputs: interactive ? [] : inputs.missing, path: env.PATH ?? '' });
  if (problems.length) {
    for (const problem of problems) io.stderr.write(`litops: ${problem.message}${problem.kind === 'input' ? ' (secrets are never logged: give them again)' : ''}\n`);
    io.stderr.write('litops: nothing was resumed; the run directory is unchanged\n');
    return executor.getGateExitCode(problems) as ExitCodeValue;
  }
  const { wrapJournal, loadSigner } = await import('../run-log.js');
  const signer = await loadSigner(options, env);
  const openLog = async () => {
    const opened = await journalModule.openJournalForResume(runDir, signer, typeof options.as === 'string' ? { principal: options.as } : {});
    return { log: wrapJournal(opened.journal, runDir), state: opened.state };
  };
  const ends = lines.filter((line): line is EventOf<'cell.end'> => line.type === 'cell.end');
  const session = ends.findLast((end) => end.session)?.session ?? null;
  const captures = Object.fromEntries(ends.flatMap((end) => (end.capture && end.capture.value !== '[REDACTED]' ? [[end.capture.name, end.capture.value]] : [])));
  const restoreSession = (context: RunContext, state: ResumeState) => {
    context.attempts = state.lastAttempt;
    executor.restoreCellResults(context, state.cellResults);
    Object.assign(context.captures, captures);
    Object.assign(context.values, captures);
    if (session) context.shell.restore({ variables: session.variables, cwd: session.cwd, exported: session.exported });
    const cut = state.interruptedCell;
    return cut ? context.emit({ type: 'decision', action: 'retry', cell: cut.cell, step: cut.step, reason: 'cut off when the run was interrupted; run again on resume', by: 'cli', source: null, ts: new Date().toISOString() }) : undefined;
  };
  const runbookDir = dirname(runStart.runbook.path ?? runDir);
  // The original's --timeout holds unless this resume gives one.
  const timeoutText = typeof options.timeout === 'string' ? options.timeout : typeof runStart.options.timeout === 'string' ? runStart.options.timeout : null;
  const timeoutMs = timeoutText === null ? null : parseTimeout(timeoutText);
  if (interactive) {
    const { runInteractive } = await import('../run-interactive.js');
    const { buildOutlineRows } = await import('../../tui/index.js');
    const rows = buildOutlineRows(runbook, runStart.mode === 'interactive' ? executor.buildPlan(runbook, selection) : executor.buildPlanFromCells(runbook, runStart.plan));
    let opened: Awaited<ReturnType<typeof openLog>> | null = null;
    return runInteractive({
      runbook,
      runbookDir,
      options,
      io,
      inputs: { values: inputs.values, sources: inputs.sources, missing: inputs.missing.map((variable) => variable.name) },
      inputsByChoice: new Map([[null, { variables, missing: inputs.missing.map((variable) => variable.name) }]]),
      selection,
      fixedSelection: `resume ${runStart.runId}`,
      timeoutMs,
      createLog: () => Promise.reject(new Error('a resumed run has its log already')),
      resume: {
        runId: runStart.runId,
        rows,
        logged: lines.filter((line) => line.type !== 'cell.output') as unknown as RunEvent[],
        openLog: async () => (opened = await openLog()).log,
        restore: async (context) => restoreSession(context, opened!.state),
      },
    });
  }
  const { log, state } = await openLog();
  const { executeRun } = await import('../execute-run.js');
  return executeRun({
    runbook,
    runbookDir,
    runId: runStart.runId,
    plan,
    inputs,
    options,
    io,
    log,
    timeoutMs,
    ...(answers ? { answers } : {}),
    restore: async (context) => {
      await restoreSession(context, state);
      const { formatRunTimeout } = await import('../format-plan.js');
      await context.emit({ type: 'run.notice', level: 'info', message: `per-cell timeout of this resume: ${formatRunTimeout(context.timeout)}`, ts: new Date().toISOString() });
      if (plan.unknown.length) await context.emit({ type: 'run.notice', level: 'warning', message: `not in the runbook any more: ${plan.unknown.join(', ')}`, ts: new Date().toISOString() });
    },
  });
}

/** The complete lines of events.jsonl, parsed (a torn last line is left out). */
async function readLoggedEvents(runDir: string): Promise<Array<{ type: string } & Record<string, unknown>>> {
  const text = await readFile(join(runDir, 'events.jsonl'), 'utf8').catch(() => {
    throw new UsageError(`${runDir}: no events.jsonl; not a run directory`);
  });
  const complete = text.endsWith('\n') ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  return complete.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { type: string } & Record<string, unknown>);
}
