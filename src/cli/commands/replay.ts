import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ExitCode, type ExitCodeValue } from '../../model/errors.js';
import type { RunEvent } from '../../model/events.js';
import type { CommandContext } from '../command-spec.js';
import { isColorEnabled } from '../style.js';

/**
 * `litops replay RUNDIR`: re-executes a recorded run unattended (its runbook.md,
 * plan, skips, edits and non-secret inputs) into a new run directory whose
 * run.start names the original, then prints the drift between the two.
 */
export async function run({ args, options, io }: CommandContext): Promise<ExitCodeValue> {
  const [{ readRecordedRun }, { prepareReplay }, executor, journal] = await Promise.all([
    import('../replay/read-recorded-run.js'),
    import('../replay/prepare-replay.js'),
    import('../../executor/index.js'),
    import('../../journal/index.js'),
  ]);
  const original = await readRecordedRun(args[0] ?? '');
  const verified = await journal.verifyRunDir(original.runDir);
  if (verified.status === 'tampered') {
    io.stderr.write(`litops: ${original.runDir} does not verify (tampered): ${verified.problems[0] ?? 'see litops verify'}\nlitops: nothing was replayed\n`);
    return ExitCode.failed;
  }
  const env = { ...io.env };
  const prepared = await prepareReplay(original, options, env);
  if (prepared.problems.length) {
    for (const problem of prepared.problems) io.stderr.write(`litops: ${problem.message}\n`);
    const code = executor.getGateExitCode(prepared.problems);
    io.stderr.write(`litops: nothing was replayed (exit ${code}: ${code === ExitCode.usage ? 'invalid input' : 'needs a person'})\n`);
    return code as ExitCodeValue;
  }
  const [{ createRunLog }, { markRecordedEdits }, { emitReplayStart }, { executeRun }, { readVersion }] = await Promise.all([
    import('../run-log.js'),
    import('../replay/mark-recorded-edits.js'),
    import('../replay/emit-replay-start.js'),
    import('../execute-run.js'),
    import('../version.js'),
  ]);
  const runbookDir = await findRunbookDir(original.runStart.runbook.path, original.runDir);
  const runId = executor.createRunId(prepared.runbook.title, new Date());
  const created = await createRunLog({ runId, runbookBytes: prepared.runbookBytes, options, env, runbookDir });
  const log = markRecordedEdits(created, new Map(prepared.edits.map((edit) => [edit.cell, edit.originalSha256])));
  const json = options.json === true;
  const { settings } = prepared;
  const toolVersion = await readVersion();
  const runExit = await executeRun({
    runbook: prepared.runbook,
    runbookDir,
    runId,
    plan: prepared.plan,
    inputs: prepared.inputs,
    options: { db: settings.db ?? undefined, sandbox: settings.sandbox, 'keep-going': settings.keepGoing, 'allow-destructive': options['allow-destructive'] },
    io: { ...io, stdout: json ? io.stderr : io.stdout },
    log,
    timeoutMs: settings.timeoutMs,
    restore: (context) => emitReplayStart(context, prepared, { original, verified, options, toolVersion }),
  });
  const [replayed, { computeDrift }, { buildDriftJson, formatDriftTable }] = await Promise.all([readRecordedRun(log.runDir), import('../replay/compute-drift.js'), import('../replay/format-drift.js')]);
  const ignoreOutput = options['ignore-output'] === true;
  const report = computeDrift(original.events, replayed.events, { ignoreOutput });
  const exitCode = runExit === ExitCode.interrupted ? ExitCode.interrupted : report.drift ? ExitCode.failed : ExitCode.ok;
  const summary = {
    original: { runId: original.runStart.runId, runDir: original.runDir, sha256OfEvents: original.sha256OfEvents, status: getRunStatus(original.events) },
    replay: { runId, runDir: log.runDir, status: getRunStatus(replayed.events) },
    report,
    ignoreOutput,
    exitCode,
  };
  if (json) io.stdout.write(`${JSON.stringify(buildDriftJson(summary), null, 2)}\n`);
  else io.stdout.write(`\n${formatDriftTable(summary, isColorEnabled(io.stdout, io.env))}`);
  return exitCode;
}

/** How a run ended: its run.end status, or `incomplete` when it has none. */
function getRunStatus(events: readonly RunEvent[]): string {
  const end = events.findLast((event) => event.type === 'run.end');
  return end?.type === 'run.end' ? end.status : 'incomplete';
}

/** The folder of the original runbook, which a relative front matter `cwd` is relative to; else the run directory. */
async function findRunbookDir(path: string | null, runDir: string): Promise<string> {
  if (path === null) return runDir;
  const dir = dirname(resolve(path));
  return (await stat(dir).catch(() => null))?.isDirectory() ? dir : runDir;
}
