import { summarizeRun, type RunContext, type RunSummary } from '../../executor/index.js';
import type { EventOf } from '../../model/events.js';
import { evaluateExpectation } from '../../parser/index.js';
import { getChecklist, getRowStatus, markKey, type TuiState } from '../state/index.js';

/** The counts of run.end from the outline: latest status of every cell, pending ones not run. */
export function countCells(state: TuiState): RunSummary['counts'] {
  const counts = { passed: 0, failed: 0, skipped: 0, notRun: 0 };
  for (const row of state.rows) {
    if (!row.cellId) continue;
    const status = getRowStatus(state, row);
    if (status === 'passed') counts.passed++;
    else if (status === 'failed') counts.failed++;
    else if (status === 'skipped') counts.skipped++;
    else if (!row.optional) counts.notRun++;
  }
  return counts;
}

/**
 * Ends a run the operator finished: bound checks the operator did not mark are
 * evaluated and recorded, unmarked entries recorded as unanswered, then
 * `run.end` says how the run ended (the same rules as an unattended run).
 */
export async function finishRun(context: RunContext, state: TuiState, started: number): Promise<RunSummary> {
  let failed = 0;
  const unanswered: string[] = [];
  for (const entry of getChecklist(state)) {
    const mark = state.marks[markKey(entry.target)];
    if (mark && mark.result !== 'unanswered' && mark.by !== 'check') {
      if (mark.result === 'fail') failed++;
      continue;
    }
    const criterion = entry.target.kind === 'criterion' ? context.runbook.criteria.find((c) => c.id === entry.target.id) : undefined;
    const outcome = criterion?.expectation?.cell ? context.results.get(criterion.expectation.cell) : undefined;
    if (criterion?.expectation && outcome) {
      const result = evaluateExpectation(criterion.expectation, outcome.actual);
      if (!result.passed) failed++;
      await emit<EventOf<'criterion'>>(context, { type: 'criterion', criterion: criterion.id, result: result.passed ? 'pass' : 'fail', by: 'check', evidence: context.redactor.redact(`${criterion.check}: actual ${result.actual}`), note: null });
      continue;
    }
    unanswered.push(`${entry.target.id} (${entry.target.kind}: "${entry.text}")`);
    if (criterion) await emit<EventOf<'criterion'>>(context, { type: 'criterion', criterion: criterion.id, result: 'unanswered', by: criterion.expectation ? 'check' : 'operator', evidence: criterion.expectation ? `its cell ${criterion.expectation.cell} did not run` : null, note: null });
  }
  const summary = summarizeRun(countCells(state), null, failed, unanswered);
  await emit<EventOf<'run.end'>>(context, { type: 'run.end', ...summary, durationMs: performance.now() - started });
  return summary;
}

/** Ends a run the operator aborted. */
export async function abortRun(context: RunContext, state: TuiState, reason: string, started: number): Promise<void> {
  const note = context.redactor.redact(reason);
  await emit<EventOf<'decision'>>(context, { type: 'decision', action: 'abort', cell: null, step: null, reason: note, by: 'operator', source: null });
  const summary = summarizeRun(countCells(state), 'interrupted', 0, []);
  await emit<EventOf<'run.end'>>(context, { type: 'run.end', ...summary, reason: `aborted by the operator: ${note}`, durationMs: performance.now() - started });
}

async function emit<E extends EventOf<'criterion'> | EventOf<'run.end'> | EventOf<'decision'>>(context: RunContext, event: Omit<E, 'ts'>): Promise<void> {
  await context.emit({ ...event, ts: context.now().toISOString() } as E);
}
