import type { Diagnostic } from '../../model/diagnostic.js';

/** What the needs pass knows of a step. */
export interface NeedsStep {
  id: string;
  line: number;
  /** Raw `needs` values from its cells: cell names or ids, or step ids. */
  wanted: Array<{ target: string; line: number; column: number }>;
}

/**
 * Resolves `needs` to step ids. Unknown targets and cycles are error diagnostics;
 * document order within a procedure is implied and not listed.
 */
export function resolveNeeds(steps: readonly NeedsStep[], stepOfCell: ReadonlyMap<string, string>, diagnostics: Diagnostic[]): Map<string, string[]> {
  const stepIds = new Set(steps.map((step) => step.id));
  const needs = new Map<string, string[]>();
  for (const step of steps) {
    const resolved: string[] = [];
    for (const want of step.wanted) {
      const target = stepOfCell.get(want.target) ?? (stepIds.has(want.target) ? want.target : undefined);
      if (!target) {
        diagnostics.push({ severity: 'error', rule: 'unknown-need', message: `needs "${want.target}", which is neither a cell name nor a step id`, line: want.line, column: want.column });
      } else if (target !== step.id && !resolved.includes(target)) {
        resolved.push(target);
      }
    }
    needs.set(step.id, resolved);
  }
  reportCycles(steps, needs, diagnostics);
  return needs;
}

function reportCycles(steps: readonly NeedsStep[], needs: ReadonlyMap<string, string[]>, diagnostics: Diagnostic[]): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const lineOf = new Map(steps.map((step) => [step.id, step.line]));
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = [...path.slice(path.indexOf(id)), id];
      diagnostics.push({ severity: 'error', rule: 'needs-cycle', message: `steps need each other in a cycle: ${cycle.join(' -> ')}`, line: lineOf.get(id) ?? 1, column: 1 });
      return;
    }
    state.set(id, 'visiting');
    for (const next of needs.get(id) ?? []) visit(next, [...path, id]);
    state.set(id, 'done');
  };
  for (const step of steps) visit(step.id, []);
}

