import type { Diagnostic } from '../../model/diagnostic.js';
import type { Cell, Criterion, Guidance, Prerequisite, Procedure, Step } from '../../model/runbook.js';
import type { Checklists } from './collect-checklists.js';
import type { SectionNode } from './sections.js';
import { IdRegistry, slugify } from './slug.js';

interface Links {
  procedureOf: Map<SectionNode, Procedure>;
  cells: Cell[];
  steps: Step[];
  sectionIds: Map<SectionNode, string>;
  diagnostics: Diagnostic[];
}

/** The procedure a criteria/prerequisite/guidance heading belongs to: the nearest enclosing one. */
function findProcedure(section: SectionNode, procedureOf: Map<SectionNode, Procedure>): Procedure | null {
  for (let at: SectionNode | null = section.parent; at; at = at.parent) {
    const procedure = procedureOf.get(at);
    if (procedure) return procedure;
  }
  return procedureOf.get(section) ?? null;
}

/**
 * Gives criteria, prerequisites and guidance their ids and procedures, and binds
 * each check to a cell: the one it names, else the procedure's last executable
 * cell before the criterion.
 */
export function attachChecklists(found: Checklists, links: Links): { criteria: Criterion[]; prerequisites: Prerequisite[]; guidance: Guidance[] } {
  const ids = new IdRegistry();
  const scope = (procedure: Procedure | null): string => procedure?.id ?? 'runbook';
  const criteria = found.criteria.map((draft): Criterion => {
    const procedure = findProcedure(draft.section, links.procedureOf);
    const criterion: Criterion = {
      id: ids.claim(`${scope(procedure)}/${slugify(draft.text, 'criterion')}`),
      procedure: procedure?.id ?? null,
      text: draft.text,
      line: draft.line,
      check: draft.check,
      expectation: draft.expectation,
      checked: draft.checked,
    };
    if (draft.expectation) criterion.expectation = bindCheck(draft.expectation, draft.line, procedure, links);
    return criterion;
  });
  const prerequisites = found.prerequisites.map((draft): Prerequisite => {
    const procedure = findProcedure(draft.section, links.procedureOf);
    return { id: ids.claim(`${scope(procedure)}/pre/${slugify(draft.text, 'prerequisite')}`), procedure: procedure?.id ?? null, text: draft.text, line: draft.line };
  });
  const guidance = found.guidance.map((draft): Guidance => {
    const procedure = findProcedure(draft.section, links.procedureOf);
    return {
      id: ids.claim(`${scope(procedure)}/${draft.kind}`),
      procedure: procedure?.id ?? null,
      kind: draft.kind,
      title: draft.section.title,
      items: draft.items,
      line: draft.section.line,
    };
  });
  return { criteria, prerequisites, guidance };
}

function bindCheck(expectation: NonNullable<Criterion['expectation']>, line: number, procedure: Procedure | null, links: Links): Criterion['expectation'] {
  if (expectation.cell) {
    const target = links.cells.find((cell) => cell.id === expectation.cell || cell.attributes.name === expectation.cell);
    if (!target) {
      links.diagnostics.push({ severity: 'error', rule: 'unknown-check-cell', message: `check names cell "${expectation.cell}", which does not exist`, line, column: 1 });
      return expectation;
    }
    return { ...expectation, cell: target.id };
  }
  const inProcedure = new Set(procedure ? procedure.steps : links.steps.map((step) => step.id));
  const candidates = links.cells.filter((cell) => cell.executable && inProcedure.has(cell.step) && cell.line < line);
  const last = candidates.sort((a, b) => a.sourceLine - b.sourceLine).at(-1);
  if (!last) {
    links.diagnostics.push({ severity: 'error', rule: 'unbound-check', message: 'check names no cell and no executable cell comes before it; write it as "<cell> value < 1"', line, column: 1 });
    return expectation;
  }
  return { ...expectation, cell: last.id };
}
