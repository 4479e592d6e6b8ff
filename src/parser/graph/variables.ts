import type { FrontMatter } from '../../model/front-matter.js';
import type { Variable } from '../../model/runbook.js';
import type { CellFacts } from './analyze-cell.js';

/** A cell as the variables pass sees it, in document order. */
export interface VariableCell {
  id: string;
  line: number;
  executable: boolean;
  capture: string | null;
  facts: CellFacts;
}

const SECRET_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|KEY/i;

/** True for names that are secret by convention (`*PASSWORD*`, `*SECRET*`, `*TOKEN*`, `*KEY*`). */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/**
 * Inputs are the front matter's variables plus what cells read before anything
 * in the runbook set it; everything a cell or capture sets first is `set`.
 * Returns the variables and, per cell id, the names it reads before they are set.
 */
export function buildVariables(cells: readonly VariableCell[], frontMatter: FrontMatter, frontMatterLine: number): { variables: Variable[]; freeReadsByCell: Map<string, string[]> } {
  const byName = new Map<string, Variable>();
  const get = (name: string, line: number): Variable => {
    let variable = byName.get(name);
    if (!variable) {
      variable = { name, role: 'set', sources: [], description: null, default: null, secret: isSecretName(name), required: false, readBy: [], setBy: [], line };
      byName.set(name, variable);
    }
    return variable;
  };
  const addSource = (variable: Variable, source: Variable['sources'][number]): void => {
    if (!variable.sources.includes(source)) variable.sources.push(source);
  };
  for (const [name, spec] of Object.entries(frontMatter.variables ?? {})) {
    const variable = get(name, frontMatterLine);
    Object.assign(variable, { role: 'input', description: spec.description ?? null, default: spec.default ?? null });
    variable.secret ||= spec.secret === true;
    variable.required = spec.required ?? spec.default === undefined;
    addSource(variable, 'front-matter');
  }
  const provided = new Set([...byName.keys(), ...Object.keys(frontMatter.env ?? {})]);
  for (const name of Object.keys(frontMatter.env ?? {})) addSource(get(name, frontMatterLine), 'env');
  const setSoFar = new Set<string>();
  const freeReadsByCell = new Map<string, string[]>();
  for (const cell of cells) {
    const free: string[] = [];
    for (const read of cell.facts.reads) {
      if (setSoFar.has(read.name)) continue;
      const variable = get(read.name, read.line);
      addSource(variable, read.source);
      if (cell.executable && !variable.readBy.includes(cell.id)) variable.readBy.push(cell.id);
      if (!free.includes(read.name)) free.push(read.name);
      if (!cell.executable || frontMatter.env?.[read.name] !== undefined) continue;
      variable.role = 'input';
      if (!read.hasDefault && variable.default === null && !provided.has(read.name)) variable.required = true;
    }
    freeReadsByCell.set(cell.id, free);
    if (!cell.executable) continue;
    const sets = cell.capture ? [...cell.facts.sets, cell.capture] : cell.facts.sets;
    for (const name of sets) {
      const variable = get(name, cell.line);
      if (!variable.setBy.includes(cell.id)) variable.setBy.push(cell.id);
      addSource(variable, name === cell.capture ? 'capture' : 'shell');
      setSoFar.add(name);
    }
  }
  const variables = [...byName.values()].filter((v) => v.sources.length > 0);
  return { variables: variables.sort((a, b) => a.line - b.line || a.name.localeCompare(b.name)), freeReadsByCell };
}
