import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkGate, parseSetOptions, readEnvFile, scopeInputs, type GateProblem, type Plan } from '../../executor/index.js';
import { ExitCode, UsageError } from '../../model/errors.js';
import type { Runbook } from '../../model/runbook.js';
import { isSecretName, loadSqlParser, parseRunbook } from '../../parser/index.js';
import type { OptionValues } from '../command-spec.js';
import { isWholeSelection, readSelection, strings } from '../commands/run.js';
import { applyRecordedEdits } from './apply-recorded-edits.js';
import { buildReplayPlan } from './build-replay-plan.js';
import { chooseReplaySources, type SourceChoice } from './choose-replay-sources.js';
import type { RecordedRun } from './read-recorded-run.js';
import { resolveReplayInputs, type ReplayInputs } from './resolve-replay-inputs.js';
import { resolveReplaySettings, type ReplaySettings } from './resolve-replay-settings.js';

/** Everything a replay needs before it runs, or the problems that stop it. */
export interface PreparedReplay {
  /** runbook.md of the original run, with the recorded edits applied. */
  runbook: Runbook;
  runbookBytes: Buffer;
  plan: Plan;
  inputs: ReplayInputs;
  settings: ReplaySettings;
  /** The cells that run an edit of the original run. */
  edits: Array<Extract<SourceChoice, { kind: 'edited' }>>;
  /** Why it cannot run (exit 2 or 3), every one at once; empty when it can. */
  problems: GateProblem[];
}

/**
 * Rebuilds a recorded run for replay: its runbook.md, plan, skips and edits, its
 * inputs (secrets from `--set`, `--env-file`, the environment) and settings;
 * then checks the same gate as `run` (diagnostics, requires, destructive and
 * interactive cells) on what will actually run.
 */
export async function prepareReplay(original: RecordedRun, options: OptionValues, env: Record<string, string | undefined>): Promise<PreparedReplay> {
  const { runStart, events } = original;
  const runbookBytes = await readFile(join(original.runDir, 'runbook.md')).catch((error: unknown) => {
    throw new UsageError(`${original.runDir}: no readable runbook.md; cannot replay`, { cause: error });
  });
  await loadSqlParser();
  const { runbook } = await parseRunbook(runbookBytes.toString('utf8'), { path: runStart.runbook.path, bytes: runbookBytes });
  const set = parseSetOptions(strings(options.set));
  const envFile = typeof options['env-file'] === 'string' ? await readEnvFile(options['env-file']) : {};
  const recordedPlan = buildReplayPlan(runbook, runStart.plan, events);
  if (recordedPlan.unknown.length) {
    throw new UsageError(`${original.runDir}: the recorded plan names cells this litops does not find in its runbook.md (${recordedPlan.unknown.join(', ')}); replay it with the litops version that ran it (${runStart.toolVersion})`);
  }
  // The inputs the recorded cells read, as run scoped them (a partial run never had the others).
  const variables = scopeInputs(runbook, recordedPlan, { whole: isWholeSelection(readSelection(runStart.options as OptionValues)) });
  const inputs = resolveReplayInputs(runbook, variables, runStart.inputs, { set, envFile, env });
  const choices = chooseReplaySources(recordedPlan.cells, events, collectSecretCandidates(inputs.values, set, env));
  const edits = choices.filter((choice): choice is Extract<SourceChoice, { kind: 'edited' }> => choice.kind === 'edited');
  const edited = applyRecordedEdits(runbook, new Map(edits.map((edit) => [edit.cell, edit.source])));
  const plan = buildReplayPlan(edited, runStart.plan, events);
  const settings = resolveReplaySettings(options, runStart.options);
  const refused = choices.flatMap((choice) => (choice.kind === 'refused' ? [{ kind: 'recorded-source', exitCode: ExitCode.needsPerson, message: choice.reason } as GateProblem] : []));
  const gate = checkGate(edited, plan, { mode: 'ci', allowDestructive: settings.allowDestructive, missingInputs: [], path: env.PATH ?? '' });
  return { runbook: edited, runbookBytes, plan, inputs, settings, edits, problems: [...inputs.problems, ...settings.problems, ...refused, ...gate] };
}

/** Values a `[REDACTED]` in a recorded source may stand for: inputs, `--set` values, secret-named environment variables. */
function collectSecretCandidates(values: Record<string, string>, set: Record<string, string>, env: Record<string, string | undefined>): string[] {
  const ambient = Object.entries(env).flatMap(([name, value]) => (value && (isSecretName(name) || name === 'PGPASSWORD') ? [value] : []));
  const all = [...Object.values(values), ...Object.values(set), ...ambient];
  return [...new Set([...all, ...all.map((value) => value.trim())])];
}
