import { buildPlan, resolveInputs, scopeInputs, type InputSources, type Selection } from '../executor/index.js';
import type { Runbook } from '../model/runbook.js';
import type { ChoiceInputs } from '../tui/index.js';

/** The inputs of every part the terminal UI's overview may start, and every value found for them. */
export interface ScopedChoices {
  /** By procedure id; null: the whole runbook, or the command line's selection. */
  byChoice: Map<string | null, ChoiceInputs>;
  /** Values and their sources for all choices together (a choice uses the ones it reads). */
  values: Record<string, string>;
  sources: Record<string, string>;
}

/**
 * Scopes the inputs of each choice the overview can offer: the command line's
 * selection alone when one was `fixed`, else the whole runbook and each procedure,
 * so that starting one procedure asks only for what its cells read.
 */
export function scopeChoices(runbook: Runbook, selection: Selection, sources: InputSources, { fixed }: { fixed: boolean }): ScopedChoices {
  const byChoice = new Map<string | null, ChoiceInputs>();
  const values: Record<string, string> = {};
  const found: Record<string, string> = {};
  for (const procedure of [null, ...(fixed ? [] : runbook.procedures.map((p) => p.id))]) {
    const plan = buildPlan(runbook, procedure ? { ...selection, only: [procedure] } : selection);
    const variables = scopeInputs(runbook, plan, { whole: procedure === null && !fixed });
    const resolved = resolveInputs(variables, sources);
    byChoice.set(procedure, { variables, missing: resolved.missing.map((variable) => variable.name) });
    Object.assign(values, resolved.values);
    Object.assign(found, resolved.sources);
  }
  return { byChoice, values, sources: found };
}
