import type { Runbook } from '../../model/runbook.js';
import type { Plan, PlannedStep } from './build-plan.js';

/**
 * A plan of exactly these cells, in this order (a resumed run's remaining cells,
 * a replay's recorded ones). Ids the runbook no longer has are returned as `unknown`.
 */
export function buildPlanFromCells(runbook: Runbook, cellIds: readonly string[]): Plan & { unknown: string[] } {
  const cells = new Map(runbook.cells.map((cell) => [cell.id, cell]));
  const steps = new Map(runbook.steps.map((step) => [step.id, step]));
  const planned: PlannedStep[] = [];
  const unknown: string[] = [];
  for (const id of cellIds) {
    const cell = cells.get(id);
    if (!cell) {
      unknown.push(id);
      continue;
    }
    const last = planned.at(-1);
    if (last?.step.id === cell.step) last.cells.push(cell);
    else planned.push({ step: steps.get(cell.step)!, cells: [cell], skipped: [] });
  }
  return { steps: planned, cells: planned.flatMap((p) => p.cells), notes: [], unknown };
}
