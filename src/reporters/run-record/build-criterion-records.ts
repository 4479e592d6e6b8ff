import type { EventOf, RunEvent } from '../../model/events.js';
import type { Runbook } from '../../model/runbook.js';
import type { CriterionRecord } from './run-record.js';

/**
 * A record per criterion the run concerns: those of the procedures it started
 * or planned, those of the whole runbook, and any other it evaluated; the
 * runbook's in document order first. Each carries its last `criterion` event.
 */
export function buildCriterionRecords(runbook: Runbook, plan: readonly string[], events: readonly RunEvent[]): CriterionRecord[] {
  const latest = new Map<string, EventOf<'criterion'>>();
  for (const event of events) if (event.type === 'criterion') latest.set(event.criterion, event);
  const procedures = getProcedures(runbook, plan, events);
  const records: CriterionRecord[] = runbook.criteria
    .filter((criterion) => latest.has(criterion.id) || criterion.procedure === null || procedures.has(criterion.procedure))
    .map((criterion) => ({ criterion, id: criterion.id, event: latest.get(criterion.id) ?? null }));
  for (const [id, event] of latest) if (!records.some((record) => record.id === id)) records.push({ criterion: null, id, event });
  return records;
}

/** Procedures the run started a step of, or planned a cell in. */
function getProcedures(runbook: Runbook, plan: readonly string[], events: readonly RunEvent[]): Set<string> {
  const stepProcedure = new Map(runbook.steps.map((step) => [step.id, step.procedure]));
  const cellStep = new Map(runbook.cells.map((cell) => [cell.id, cell.step]));
  const procedures = new Set<string>();
  for (const event of events) if (event.type === 'step.start') procedures.add(event.procedure);
  for (const id of plan) {
    const procedure = stepProcedure.get(cellStep.get(id) ?? '');
    if (procedure !== undefined) procedures.add(procedure);
  }
  return procedures;
}
