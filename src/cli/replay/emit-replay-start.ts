import { emitRunStart, type RunContext } from '../../executor/index.js';
import type { OptionValues } from '../command-spec.js';
import type { PreparedReplay } from './prepare-replay.js';
import type { RecordedRun } from './read-recorded-run.js';

/** What {@link emitReplayStart} records besides the prepared replay. */
export interface ReplayStartDetails {
  original: RecordedRun;
  /** What `litops verify` found of the original (`valid`, `unsigned`, `incomplete`), and its first problem. */
  verified: { status: string; problems: string[] };
  options: OptionValues;
  toolVersion: string;
}

/**
 * Starts the replay's log: `run.start` with `replayOf` (the original's run id,
 * directory and events.jsonl digest), a notice naming the original and how it
 * verified, and an `edit` decision for each cell that runs the original's edit.
 */
export async function emitReplayStart(context: RunContext, prepared: PreparedReplay, details: ReplayStartDetails): Promise<void> {
  const { original, verified } = details;
  const { runId } = original.runStart;
  const replayOf = { runId, runDir: original.runDir, sha256OfEvents: original.sha256OfEvents };
  await emitRunStart(context, { options: recordOptions(details.options, prepared.settings), inputSources: prepared.inputs.sources, mode: 'ci', plan: prepared.plan, toolVersion: details.toolVersion, replayOf });
  const ts = () => new Date().toISOString();
  const incomplete = verified.status === 'incomplete';
  await context.emit({ type: 'run.notice', level: incomplete ? 'warning' : 'info', message: `replay of ${runId} (${original.runDir}); litops verify found it ${verified.status}${incomplete ? `: ${verified.problems[0] ?? ''}` : ''}`, ts: ts() });
  if (prepared.edits.length === 0) return;
  await context.emit({ type: 'run.notice', level: 'info', message: `as edited in the original run: ${prepared.edits.map((edit) => edit.cell).join(', ')}`, ts: ts() });
  for (const edit of prepared.edits) {
    const reason = `as edited in the original run${edit.restored ? ' (its [REDACTED] secrets restored from the inputs given, proven by its sha256)' : ''}`;
    const step = prepared.runbook.cells.find((cell) => cell.id === edit.cell)?.step ?? null;
    await context.emit({ type: 'decision', action: 'edit', cell: edit.cell, step, reason, by: 'cli', source: context.redactor.redact(edit.source), ts: ts() });
  }
}

/** The options as the replay's run.start records them: as given (not --set: inputs are recorded apart), with the settings taken from the original. */
function recordOptions(options: OptionValues, settings: PreparedReplay['settings']): Record<string, unknown> {
  const { set: _set, ...rest } = options;
  const recorded: Record<string, unknown> = { ...rest, sandbox: settings.sandbox, 'keep-going': settings.keepGoing };
  if (settings.db !== null) recorded.db = settings.db;
  if (settings.timeout !== null) recorded.timeout = settings.timeout;
  return Object.fromEntries(Object.entries(recorded).filter(([, value]) => value !== undefined));
}
