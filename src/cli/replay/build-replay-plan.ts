import { buildPlanFromCells, type Plan, type PlannedStep } from '../../executor/index.js';
import type { RunEvent } from '../../model/events.js';
import type { Runbook } from '../../model/runbook.js';

/** The replay's plan, and the recorded cell ids the runbook does not have. */
export type ReplayPlan = Plan & { unknown: string[] };

/**
 * The plan of a recorded run: the cells of its `run.start` plan in that order,
 * minus the cells it skipped (a `skip` decision and no attempt), which are kept
 * as the plan's skipped cells so the replay records the same skips, with the
 * original reason. Steps keep the order the original started them in.
 */
export function buildReplayPlan(runbook: Runbook, recordedPlan: readonly string[], events: readonly RunEvent[]): ReplayPlan {
  const started = new Set(events.flatMap((event) => (event.type === 'cell.start' ? [event.cell] : [])));
  const skips = new Map<string, string>();
  for (const event of events) {
    if (event.type === 'decision' && event.action === 'skip' && event.cell !== null && !started.has(event.cell)) {
      skips.set(event.cell, `as in the original run${event.by === 'policy' ? '' : ` (by ${event.by})`}: ${event.reason ?? 'skipped'}`);
    }
  }
  const plan = buildPlanFromCells(runbook, recordedPlan.filter((id) => !skips.has(id)));
  const cells = new Map(runbook.cells.map((cell) => [cell.id, cell]));
  const steps = new Map(runbook.steps.map((step) => [step.id, step]));
  const planned: PlannedStep[] = plan.steps.map((step) => ({ ...step, skipped: [...step.skipped] }));
  const unknown = [...plan.unknown];
  for (const [id, reason] of skips) {
    const cell = cells.get(id);
    const step = cell ? steps.get(cell.step) : undefined;
    if (!cell || !step) {
      unknown.push(id);
      continue;
    }
    let target = planned.find((candidate) => candidate.step.id === step.id);
    if (!target) planned.push((target = { step, cells: [], skipped: [] }));
    target.skipped.push({ cell, reason });
  }
  const order = new Map<string, number>();
  events.forEach((event, index) => {
    if (event.type === 'step.start' && !order.has(event.step)) order.set(event.step, index);
  });
  const position = (step: PlannedStep) => order.get(step.step.id) ?? Number.POSITIVE_INFINITY;
  const sorted = planned.map((step, index) => ({ step, index })).sort((a, b) => position(a.step) - position(b.step) || a.index - b.index).map(({ step }) => step);
  return { steps: sorted, cells: sorted.flatMap((step) => step.cells), notes: [], unknown };
}
