import type { Plan } from '../../executor/index.js';
import type { Criterion, Prerequisite, Runbook, Step } from '../../model/runbook.js';
import type { ItemStatus, MarkTarget, OutlineRow, TuiState } from './tui-state.js';
import { markKey } from './tui-state.js';

/**
 * The outline of a plan: a row per cell that runs, a row per step without
 * cells; rollback steps of the planned procedures follow as optional rows.
 */
export function buildOutlineRows(runbook: Runbook, plan: Plan): OutlineRow[] {
  const rows: OutlineRow[] = [];
  const add = (step: Step, cellIds: string[], optional: boolean) => {
    if (cellIds.length === 0) rows.push({ step, cellId: null, first: true, optional });
    cellIds.forEach((cellId, index) => rows.push({ step, cellId, first: index === 0, optional }));
  };
  for (const planned of plan.steps) {
    add(planned.step, planned.cells.map((cell) => cell.id), planned.step.role === 'rollback');
    // Unlabeled blocks that look like code: never run unattended; the operator may run one on purpose.
    const guesses = planned.skipped.filter(({ cell }) => cell.guess !== null && !cell.executable);
    const first = !rows.some((row) => row.step.id === planned.step.id && row.cellId !== null);
    if (first && guesses.length) rows.splice(rows.findIndex((row) => row.step.id === planned.step.id && row.cellId === null), 1);
    guesses.forEach(({ cell }, index) => rows.push({ step: planned.step, cellId: cell.id, first: first && index === 0, optional: true }));
  }
  const planned = new Set(plan.steps.map((p) => p.step.id));
  const procedures = new Set(plan.steps.map((p) => p.step.procedure));
  const executable = new Set(runbook.cells.filter((cell) => cell.executable && !cell.attributes.skip).map((cell) => cell.id));
  for (const step of runbook.steps) {
    if (step.role !== 'rollback' || planned.has(step.id) || !procedures.has(step.procedure)) continue;
    add(step, step.cells.filter((id) => executable.has(id)), true);
  }
  return rows;
}

/** A row's status: its cell's, or its step's mark. */
export function getRowStatus(state: TuiState, row: OutlineRow): ItemStatus {
  if (row.cellId) return state.cells[row.cellId]?.status ?? 'pending';
  const mark = state.marks[markKey({ kind: 'step', id: row.step.id })];
  if (!mark || mark.result === 'unanswered') return 'pending';
  return mark.result === 'fail' ? 'failed' : mark.result === 'n/a' ? 'skipped' : 'passed';
}

/** A step's status from its rows: running, failed, pending, skipped (all skipped), else passed. */
export function getStepStatus(state: TuiState, stepId: string): ItemStatus {
  const statuses = state.rows.filter((row) => row.step.id === stepId).map((row) => getRowStatus(state, row));
  if (statuses.includes('running')) return 'running';
  if (statuses.includes('failed')) return 'failed';
  if (statuses.length === 0 || statuses.includes('pending')) return 'pending';
  return statuses.every((status) => status === 'skipped') ? 'skipped' : 'passed';
}

/** True once the row needs nothing more from the operator. */
export function isRowDone(state: TuiState, row: OutlineRow): boolean {
  const status = getRowStatus(state, row);
  return status === 'passed' || status === 'skipped' || status === 'failed';
}

/** The next row after `from` that is not optional and not done, or -1. */
export function findNextOpenRow(state: TuiState, from: number): number {
  for (let i = from + 1; i < state.rows.length; i++) if (!state.rows[i]!.optional && !isRowDone(state, state.rows[i]!)) return i;
  return -1;
}

/** The first row of the step after (or before) the cursor's step, or the cursor when there is none. */
export function findStepRow(state: TuiState, direction: 1 | -1): number {
  const current = state.rows[state.cursor]?.step.id;
  if (direction === 1) {
    const next = state.rows.findIndex((row, i) => i > state.cursor && row.first && row.step.id !== current);
    return next === -1 ? state.cursor : next;
  }
  const firstOfCurrent = state.rows.findIndex((row) => row.step.id === current);
  for (let i = firstOfCurrent - 1; i >= 0; i--) if (state.rows[i]!.first) return i;
  return firstOfCurrent === -1 ? state.cursor : firstOfCurrent;
}

/** One entry of the checklist. */
export interface ChecklistEntry {
  target: MarkTarget;
  text: string;
  /** The bound check as written, for criteria that have one. */
  check: string | null;
}

/** The procedures the run covers (those with a row). */
export function getPlannedProcedures(state: TuiState): Set<string> {
  return new Set(state.rows.filter((row) => !row.optional).map((row) => row.step.procedure));
}

/** Prerequisites, task-list checks and manual steps, then the criteria of the planned procedures. */
export function getChecklist(state: TuiState): ChecklistEntry[] {
  const procedures = getPlannedProcedures(state);
  const relevant = (item: Prerequisite | Criterion) => item.procedure === null || procedures.has(item.procedure);
  const prerequisites = state.runbook.prerequisites.filter(relevant).map((p): ChecklistEntry => ({ target: { kind: 'prerequisite', id: p.id }, text: p.text, check: null }));
  const steps = state.rows.filter((row) => row.cellId === null && row.step.kind !== 'cells').map((row): ChecklistEntry => ({ target: { kind: 'step', id: row.step.id }, text: row.step.title, check: null }));
  const criteria = state.runbook.criteria.filter((c) => c.procedure !== null && procedures.has(c.procedure)).map((c): ChecklistEntry => ({ target: { kind: 'criterion', id: c.id }, text: c.text, check: c.check }));
  return [...prerequisites, ...steps, ...criteria];
}

/** Checklist entries nobody has marked (bound checks count as marked once evaluated). */
export function getUnmarked(state: TuiState): ChecklistEntry[] {
  return getChecklist(state).filter((entry) => {
    const mark = state.marks[markKey(entry.target)];
    return !mark || mark.result === 'unanswered';
  });
}
