import type { Cell, Runbook, Step } from '../../model/runbook.js';
import { UsageError } from '../../model/errors.js';
import { orderSteps } from './order-steps.js';

/** What to run of a runbook: design.md's `--only`, `--from`, `--to`, `--tag`. */
export interface Selection {
  /** Step ids, cell names or ids, or procedure ids to run alone (repeatable; default: everything). */
  only?: string[];
  /** Start at this step or cell (inclusive). */
  from?: string | null;
  /** Stop after this step or cell (inclusive). */
  to?: string | null;
  /** Run only steps whose cells carry one of these tags. */
  tags?: string[];
}

/** A step of the plan with the cells that will run and those that will not, with why. */
export interface PlannedStep {
  step: Step;
  cells: Cell[];
  skipped: Array<{ cell: Cell; reason: string }>;
}

export interface Plan {
  steps: PlannedStep[];
  /** Every cell that will run, in order. */
  cells: Cell[];
  /** Notes for the operator, e.g. a selected step whose `needs` are not selected. */
  notes: string[];
}

/**
 * Orders the steps (document order, moved only as `needs` demand) and applies
 * the selection. Rollback steps run only when selected by name or tag; `skip`
 * cells only when `--only` names them. Unknown ids are a usage error.
 */
export function buildPlan(runbook: Runbook, selection: Selection = {}): Plan {
  const ordered = orderSteps(runbook.steps);
  const resolve = createResolver(runbook);
  const only = (selection.only ?? []).map((id) => resolve(id, '--only'));
  const named = new Set(only.filter((target) => target.kind === 'cell').flatMap((target) => target.cells));
  const onlySteps = new Set(only.flatMap((target) => target.steps));
  const tags = selection.tags ?? [];
  const from = selection.from ? resolve(selection.from, '--from') : null;
  const to = selection.to ? resolve(selection.to, '--to') : null;
  const fromIndex = from ? ordered.findIndex((step) => from.steps.includes(step.id)) : 0;
  const toIndex = to ? findLastIndex(ordered, (step) => to.steps.includes(step.id)) : ordered.length - 1;
  const cellsById = new Map(runbook.cells.map((cell) => [cell.id, cell]));
  const steps: PlannedStep[] = [];
  ordered.forEach((step, index) => {
    if (index < fromIndex || index > toIndex) return;
    if (only.length > 0 && !onlySteps.has(step.id)) return;
    if (tags.length > 0 && !step.tags.some((tag) => tags.includes(tag))) return;
    if (step.role === 'rollback' && only.length === 0 && tags.length === 0) return;
    const planned: PlannedStep = { step, cells: [], skipped: [] };
    const onlyThese = only.some((target) => target.kind === 'cell' && target.steps.includes(step.id));
    const firstCell = index === fromIndex && from?.kind === 'cell' ? step.cells.indexOf(from.cells[0]!) : 0;
    const lastCell = index === toIndex && to?.kind === 'cell' ? step.cells.indexOf(to.cells[0]!) : step.cells.length - 1;
    step.cells.forEach((id, position) => {
      const cell = cellsById.get(id)!;
      const outside = position < firstCell ? 'before --from' : position > lastCell ? 'after --to' : null;
      const reason = outside ?? whyNotRun(cell, named.has(cell.id), onlyThese);
      if (reason) planned.skipped.push({ cell, reason });
      else planned.cells.push(cell);
    });
    steps.push(planned);
  });
  const selected = new Set(steps.map((planned) => planned.step.id));
  const notes = steps.flatMap(({ step }) => step.needs.filter((need) => !selected.has(need)).map((need) => `${step.id} needs ${need}, which is not selected`));
  return { steps, cells: steps.flatMap((planned) => planned.cells), notes };
}

function whyNotRun(cell: Cell, named: boolean, onlyNamedCells: boolean): string | null {
  if (!cell.executable) return cell.guess ? `unlabeled block that looks like ${cell.guess}: never run unattended` : `${cell.lang} block: shown, not run`;
  if (onlyNamedCells && !named) return 'not selected by --only';
  if (cell.attributes.skip && !named) return 'skip attribute (excludeFromRunAll)';
  return null;
}

interface Target {
  kind: 'cell' | 'step' | 'procedure';
  steps: string[];
  cells: string[];
}

function createResolver(runbook: Runbook): (id: string, option: string) => Target {
  return (id, option) => {
    const cell = runbook.cells.find((c) => c.id === id || c.attributes.name === id);
    if (cell) return { kind: 'cell', steps: [cell.step], cells: [cell.id] };
    const step = runbook.steps.find((s) => s.id === id);
    if (step) return { kind: 'step', steps: [step.id], cells: step.cells };
    const procedure = runbook.procedures.find((p) => p.id === id);
    if (procedure) return { kind: 'procedure', steps: procedure.steps, cells: [] };
    const near = [...runbook.cells.map((c) => c.id), ...runbook.steps.map((s) => s.id)].filter((known) => known.includes(id) || id.includes(known.split('/').pop()!)).slice(0, 5);
    throw new UsageError(`${option} ${id}: no cell, step or procedure has that id${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; see litops inspect`);
  };
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i]!)) return i;
  return -1;
}
