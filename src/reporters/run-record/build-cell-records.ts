import type { EventOf, RunEvent } from '../../model/events.js';
import type { Runbook } from '../../model/runbook.js';
import type { AttemptRecord, CellRecord } from './run-record.js';

/** What {@link buildCellRecords} combines. */
export interface CellRecordsInput {
  runbook: Runbook;
  /** `run.start.plan`: cell ids in plan order. */
  plan: readonly string[];
  events: readonly RunEvent[];
  attempts: readonly AttemptRecord[];
}

/**
 * A record per cell: every cell of the plan and every other cell the log
 * mentions (ran, or skipped by a decision). Cells the log mentions come in the
 * order it first mentions them (within a step, in document order); plan cells
 * it never mentions follow the plan cell before them, so the result is in plan order.
 */
export function buildCellRecords({ runbook, plan, events, attempts }: CellRecordsInput): CellRecord[] {
  const decisions = events.filter((event): event is EventOf<'decision'> => event.type === 'decision');
  const cells = new Map(runbook.cells.map((cell) => [cell.id, cell]));
  const order = sortWithinSteps(orderCellIds(plan, events), runbook);
  return order.map((id) => {
    const own = attempts.filter((attempt) => attempt.cellId === id);
    const about = decisions.filter((decision) => decision.cell === id);
    return { id, cell: cells.get(id) ?? null, attempts: own, status: getCellStatus(own, about), decisions: about };
  });
}

/** Ids the log mentions (in first-mention order), with unmentioned plan ids after their plan predecessor. */
function orderCellIds(plan: readonly string[], events: readonly RunEvent[]): string[] {
  const order: string[] = [];
  for (const event of events) {
    const id = event.type === 'cell.start' ? event.cell : event.type === 'decision' && event.action === 'skip' ? event.cell : null;
    if (id !== null && !order.includes(id)) order.push(id);
  }
  plan.forEach((id, index) => {
    if (order.includes(id)) return;
    const before = index === 0 ? -1 : order.indexOf(plan[index - 1]!);
    order.splice(before + 1, 0, id);
  });
  return order;
}

/**
 * Skip decisions come at a step's start, before its cells run: within each run
 * of consecutive ids of one step, put the cells back in document order.
 */
function sortWithinSteps(order: readonly string[], runbook: Runbook): string[] {
  const position = new Map(runbook.cells.map((cell, index) => [cell.id, { step: cell.step, index }]));
  const sorted: string[] = [];
  let group: string[] = [];
  const flush = () => {
    sorted.push(...group.sort((a, b) => position.get(a)!.index - position.get(b)!.index));
    group = [];
  };
  for (const id of order) {
    const place = position.get(id);
    if (!place) {
      flush();
      sorted.push(id);
      continue;
    }
    if (group.length > 0 && position.get(group[0]!)!.step !== place.step) flush();
    group.push(id);
  }
  flush();
  return sorted;
}

function getCellStatus(attempts: readonly AttemptRecord[], decisions: ReadonlyArray<EventOf<'decision'>>): CellRecord['status'] {
  const last = attempts.at(-1);
  if (last) return last.end?.status ?? 'cancelled';
  return decisions.some((decision) => decision.action === 'skip') ? 'skipped' : 'not-run';
}
