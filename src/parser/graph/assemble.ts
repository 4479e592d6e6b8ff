import type { Diagnostic } from '../../model/diagnostic.js';
import type { FrontMatter } from '../../model/front-matter.js';
import type { Cell, Procedure, Runbook, Step } from '../../model/runbook.js';
import { analyzeCell, type CellFacts } from './analyze-cell.js';
import { attachChecklists } from './attach-checklists.js';
import type { Checklists } from './collect-checklists.js';
import type { StepDraft } from './collect-steps.js';
import { resolveNeeds } from './needs.js';
import type { SectionNode } from './sections.js';
import { IdRegistry, slugify } from './slug.js';
import { buildVariables } from './variables.js';
import { findOwner } from './find-owner.js';

export { findOwner };

export interface AssembleInput {
  title: string;
  steps: StepDraft[];
  checklists: Checklists;
  sectionIds: Map<SectionNode, string>;
  metadata: Map<SectionNode, Record<string, string>>;
  frontMatter: FrontMatter;
  frontMatterLine: number;
  diagnostics: Diagnostic[];
}

type Graph = Pick<Runbook, 'procedures' | 'steps' | 'cells' | 'criteria' | 'prerequisites' | 'guidance' | 'variables'>;

/** Gives procedures, steps and cells their ids, analyses cells, and links the graph. */
export function assembleGraph(input: AssembleInput): Graph {
  const { steps: drafts, sectionIds, diagnostics } = input;
  // Document order, always: steps by line, and procedures in the order their first steps come.
  const inOrder = [...drafts].sort((a, b) => a.line - b.line);
  const owners = new Map<StepDraft, SectionNode>(inOrder.map((draft) => [draft, findOwner(draft.section, draft.heading)]));
  const ownerList = [...new Set(owners.values())];
  const procedures: Procedure[] = ownerList.map((section) => ({
    id: sectionIds.get(section)!,
    title: section.title || input.title,
    line: section.depth > 0 ? section.line : Math.min(...drafts.filter((d) => owners.get(d) === section).map((d) => d.line)),
    section: section.depth > 0 ? sectionIds.get(section)! : null,
    metadata: input.metadata.get(section) ?? {},
    steps: [],
    destructive: false,
  }));
  const procedureOf = new Map(ownerList.map((section, i) => [section, procedures[i]!]));
  const stepIds = new IdRegistry();
  const cellIds = new IdRegistry();
  const steps: Step[] = [];
  const cells: Cell[] = [];
  const facts = new Map<string, CellFacts>();
  const stepOfCell = new Map<string, string>();
  const wanted = new Map<string, Array<{ target: string; line: number; column: number }>>();
  for (const draft of inOrder) {
    const procedure = procedureOf.get(owners.get(draft)!)!;
    const title = draft.title || draft.section.parent?.title || input.title;
    const id = stepIds.claim(`${procedure.id}/${slugify(title, 'step')}`);
    const step: Step = { id, title, procedure: procedure.id, line: draft.line, kind: draft.kind, role: draft.role, cells: [], needs: [], prose: draft.prose, tags: [] };
    const blockNumbers = new Map<number, number>();
    for (const cellDraft of draft.cells) {
      if (!blockNumbers.has(cellDraft.line)) blockNumbers.set(cellDraft.line, blockNumbers.size + 1);
      const block = blockNumbers.get(cellDraft.line)!;
      const fallback = cellDraft.part ? `${id}/${block}.${cellDraft.part.index}` : `${id}/${block}`;
      const name = cellDraft.attributes.name;
      if (name && cellIds.has(name)) {
        diagnostics.push({ severity: 'warning', rule: 'duplicate-name', message: `cell name "${name}" is used twice; this one is "${name}-2" or later`, line: cellDraft.line, column: cellDraft.column });
      }
      const cellId = cellIds.claim(name ?? fallback);
      const cellFacts = analyzeCell(cellDraft, diagnostics);
      const marked = cellDraft.attributes.destructive;
      const reasons = marked === true && cellFacts.reasons.length === 0
        ? [{ rule: 'marked-destructive', reason: 'marked destructive by the runbook', text: cellDraft.source.split('\n')[0]!.slice(0, 200), line: cellDraft.sourceLine, column: cellDraft.column }]
        : cellFacts.reasons;
      const cell: Cell = {
        id: cellId,
        step: id,
        lang: cellDraft.lang,
        info: cellDraft.info,
        executable: cellDraft.executable,
        guess: cellDraft.guess,
        block: cellDraft.block,
        dialect: cellDraft.dialect,
        placeholders: cellDraft.placeholders,
        source: cellDraft.source,
        line: cellDraft.line,
        sourceLine: cellDraft.sourceLine,
        endLine: cellDraft.endLine,
        part: cellDraft.part ? { ...cellDraft.part, group: fallback.replace(/\.\d+$/, '') } : null,
        expectedOutput: cellDraft.expectedOutput,
        attributes: cellDraft.attributes,
        expectations: cellDraft.expectations,
        destructive: marked === false ? false : reasons.length > 0 && (cellDraft.executable || cellDraft.guess !== null || cellDraft.dialect !== null),
        reasons,
        blocking: cellFacts.blocking.length > 0 && (cellDraft.executable || cellDraft.guess !== null),
        blockingReasons: cellFacts.blocking,
        reads: [],
        sets: [],
      };
      cells.push(cell);
      facts.set(cellId, cellFacts);
      stepOfCell.set(cellId, id);
      if (name) stepOfCell.set(name, id);
      step.cells.push(cellId);
      for (const tag of cellDraft.attributes.tag ?? []) if (!step.tags.includes(tag)) step.tags.push(tag);
      for (const target of cellDraft.attributes.needs ?? []) {
        wanted.set(id, [...(wanted.get(id) ?? []), { target, line: cellDraft.line, column: cellDraft.column }]);
      }
    }
    steps.push(step);
    procedure.steps.push(id);
    procedure.destructive ||= step.cells.some((cellId) => cells.find((c) => c.id === cellId)?.destructive);
  }
  const needs = resolveNeeds(steps.map((s) => ({ id: s.id, line: s.line, wanted: wanted.get(s.id) ?? [] })), stepOfCell, diagnostics);
  for (const step of steps) step.needs = needs.get(step.id) ?? [];
  const cellsInOrder = [...cells].sort((a, b) => a.sourceLine - b.sourceLine);
  const { variables, freeReadsByCell } = buildVariables(
    cellsInOrder.map((cell) => ({ id: cell.id, line: cell.line, executable: cell.executable, capture: cell.attributes.capture ?? null, facts: facts.get(cell.id)! })),
    input.frontMatter,
    input.frontMatterLine,
  );
  for (const cell of cells) {
    cell.reads = freeReadsByCell.get(cell.id) ?? [];
    const sets = facts.get(cell.id)!.sets;
    cell.sets = cell.attributes.capture ? [...new Set([...sets, cell.attributes.capture])] : [...new Set(sets)];
  }
  markPlaceholderInputs(variables, cells);
  applyAliases(cellsInOrder, facts);
  const checklists = attachChecklists(input.checklists, { procedureOf, cells, steps, sectionIds, diagnostics });
  return { procedures, steps, cells, ...checklists, variables };
}

/** An input that a `<placeholder>` stands for says so, and is described by it when nothing else describes it. */
function markPlaceholderInputs(variables: Graph['variables'], cells: readonly Cell[]): void {
  for (const cell of cells) {
    for (const placeholder of cell.placeholders) {
      const variable = variables.find((v) => v.name === placeholder.name);
      if (!variable) continue;
      if (!variable.sources.includes('placeholder')) variable.sources.push('placeholder');
      variable.description ??= `stands for ${placeholder.text} (line ${placeholder.line})`;
    }
  }
}

/** A call of an alias that an earlier cell defined does what the alias's body does (`vrd` → `vault server -dev`). */
function applyAliases(cellsInOrder: readonly Cell[], facts: ReadonlyMap<string, CellFacts>): void {
  const known = new Map<string, NonNullable<CellFacts['aliases']> extends Map<string, infer V> ? V : never>();
  for (const cell of cellsInOrder) {
    const cellFacts = facts.get(cell.id)!;
    const runs = cell.executable || cell.guess !== null;
    for (const call of cellFacts.calls ?? []) {
      const alias = known.get(call.name);
      if (!alias || !runs) continue;
      const at = (reason: Cell['reasons'][number]) => ({ ...reason, reason: `${call.name} (an alias): ${reason.reason}`, text: call.text, line: call.line, column: call.column });
      cell.reasons.push(...alias.destructive.map(at));
      cell.blockingReasons.push(...alias.blocking.map(at));
      cell.destructive ||= alias.destructive.length > 0 && cell.attributes.destructive !== false;
      cell.blocking ||= alias.blocking.length > 0;
    }
    for (const [name, effect] of cellFacts.aliases ?? []) known.set(name, effect);
  }
}
