import type { Cell, Runbook, Variable } from '../../model/runbook.js';
import type { Plan } from '../plan/build-plan.js';
import { listCellReads, type CellRead } from './list-cell-reads.js';

/** Options of {@link scopeInputs}. */
export interface ScopeInputsOptions {
  /**
   * A run of the whole runbook (no `--only`, `--from`, `--to`, `--tag`, no procedure
   * chosen): every input of the runbook is in scope, even a front-matter variable no
   * cell reads (a script a cell calls may read it). Default false: only what the
   * planned cells read.
   */
  whole?: boolean;
  /** Cells that already ran (a resumed run's finished cells): what they set is in effect. Default none. */
  done?: readonly string[];
  /** Every variable a cell reads, including those an earlier cell sets. Default {@link listCellReads}. */
  readsOf?: (cell: Cell) => CellRead[];
}

/**
 * The inputs a plan needs, to resolve with `resolveInputs`, in the runbook's
 * variable order: the inputs its cells read (`cell.reads`), every input for a
 * whole run, and each variable a planned cell reads that a cell outside the plan
 * would have set (`setBy` names a cell that is not selected). Such a variable is
 * returned as a required input whose description says which cell sets it, so
 * every message that names a missing input says why it is asked for.
 * Pure: reads only the runbook and the plan.
 */
export function scopeInputs(runbook: Runbook, plan: Plan, options: ScopeInputsOptions = {}): Variable[] {
  const byName = new Map(runbook.variables.map((variable) => [variable.name, variable]));
  const scoped = new Map<string, Variable>();
  if (options.whole) for (const variable of runbook.variables) if (variable.role === 'input') scoped.set(variable.name, variable);
  for (const cell of plan.cells) {
    for (const name of cell.reads) {
      const variable = byName.get(name);
      if (variable?.role === 'input') scoped.set(name, variable);
    }
  }
  for (const variable of findReadsOfUnsetVariables(runbook, plan, options)) scoped.set(variable.name, variable);
  return runbook.variables.flatMap((variable) => scoped.get(variable.name) ?? []);
}

/** Variables planned cells read (without a fallback) that only cells outside the plan set, as required inputs. */
function findReadsOfUnsetVariables(runbook: Runbook, plan: Plan, options: ScopeInputsOptions): Variable[] {
  const planned = new Set(plan.cells.map((cell) => cell.id));
  const done = new Set(options.done ?? []);
  const cells = new Map(runbook.cells.map((cell) => [cell.id, cell]));
  const absentSetters = new Map<string, Cell[]>();
  for (const variable of runbook.variables) {
    const absent = variable.setBy.filter((id) => !planned.has(id) && !done.has(id)).flatMap((id) => cells.get(id) ?? []);
    if (absent.length) absentSetters.set(variable.name, absent);
  }
  if (absentSetters.size === 0) return [];
  const firstLine = Math.min(...[...absentSetters.values()].flat().map((cell) => cell.line));
  const names = [...absentSetters.keys()];
  // Parsing a cell again is slow: only a cell at or after an absent setter that names what it would have set can read it.
  const mayRead = (cell: Cell) => cell.line >= firstLine && (names.some((name) => cell.source.includes(name)) || cell.placeholders.some((p) => absentSetters.has(p.name)));
  const readsOf = options.readsOf ?? listCellReads;
  const byName = new Map(runbook.variables.map((variable) => [variable.name, variable]));
  const setSoFar = new Set<string>();
  const found = new Map<string, Variable>();
  for (const cell of plan.cells) {
    for (const read of mayRead(cell) ? readsOf(cell) : []) {
      const setters = absentSetters.get(read.name);
      if (!setters || read.hasDefault || setSoFar.has(read.name) || found.has(read.name)) continue;
      found.set(read.name, asDemandedInput(byName.get(read.name)!, setters));
    }
    for (const name of cell.sets) setSoFar.add(name);
  }
  return [...found.values()];
}

function asDemandedInput(variable: Variable, setters: readonly Cell[]): Variable {
  const ids = setters.map((cell) => cell.id);
  const why = `set by ${ids.join(', ')}, which ${ids.length === 1 ? 'is' : 'are'} not selected`;
  return { ...variable, role: 'input', required: true, default: variable.role === 'input' ? variable.default : null, description: variable.description ?? why };
}
