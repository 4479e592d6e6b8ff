import type { RunEvent } from '../model/events.js';
import type { Runbook } from '../model/runbook.js';

/** `run --json`: the run's outcome for machines, built from its events. */
export function buildRunSummaryJson(runbook: Runbook, events: readonly RunEvent[]): Record<string, unknown> {
  const start = events.find((e) => e.type === 'run.start');
  const end = events.find((e) => e.type === 'run.end');
  const cells = events.flatMap((e) =>
    e.type === 'cell.end' ? [{ id: e.cell, attempt: e.attempt, status: e.status, exitCode: e.exitCode, durationMs: Math.round(e.durationMs), expectations: e.expectations, error: e.error, timedOut: e.timedOut ?? false, stopped: e.stopped ?? null }] : [],
  );
  const criteria = events.flatMap((e) => (e.type === 'criterion' ? [{ id: e.criterion, result: e.result, by: e.by, evidence: e.evidence }] : []));
  const skipped = events.flatMap((e) => (e.type === 'decision' && e.action === 'skip' ? [{ id: e.cell ?? e.step, reason: e.reason }] : []));
  return {
    runId: start?.type === 'run.start' ? start.runId : null,
    runbook: { path: runbook.path, title: runbook.title, sha256: runbook.sha256 },
    status: end?.type === 'run.end' ? end.status : 'interrupted',
    exitCode: end?.type === 'run.end' ? end.exitCode : null,
    reason: end?.type === 'run.end' ? end.reason : null,
    counts: end?.type === 'run.end' ? end.counts : null,
    // The per-cell timeout of cells that set none, as run.start recorded it.
    timeout: start?.type === 'run.start' ? (start.timeout ?? null) : null,
    cells,
    skipped,
    criteria,
  };
}
