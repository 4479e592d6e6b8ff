import type { List, ListItem, Nodes, RootContent } from 'mdast';
import type { Diagnostic } from '../../model/diagnostic.js';
import { buildCellDrafts, type CellDraft } from '../cells/build-cell.js';
import type { SourceText } from '../markdown/source-text.js';
import { collectProse, findCodeNodes, firstSentence, isLitopsComment, plainText, titleOfListItem } from './markdown-nodes.js';
import type { SectionNode } from './sections.js';

/** A step before ids: its section decides its procedure later. */
export interface StepDraft {
  title: string;
  line: number;
  kind: 'cells' | 'manual' | 'check';
  role: 'procedure' | 'rollback';
  section: SectionNode;
  /** True when the step is the heading section itself (its procedure is the parent section). */
  heading: boolean;
  cells: CellDraft[];
  prose: string;
}

interface Context {
  source: SourceText;
  diagnostics: Diagnostic[];
}

/**
 * The steps of one section's own blocks: ordered-list items that hold cells (and
 * their cell-less siblings as manual steps), fences right after a numbered item
 * (a common way to write it that CommonMark puts outside the item), task-list
 * checks, and otherwise one step for the section's loose cells.
 */
export function collectSteps(section: SectionNode, context: Context): StepDraft[] {
  const role = section.role === 'rollback' || section.role === 'escalation' ? 'rollback' : 'procedure';
  const listed = section.role === 'criteria' || section.role === 'prerequisites';
  const steps: StepDraft[] = [];
  const loose: Array<{ cells: CellDraft[]; hint: string | null; line: number }> = [];
  let attachTo: StepDraft | null = null;
  let pendingList: List | null = null;
  let hint: string | null = null;

  const makeItemStep = (item: ListItem, cells: CellDraft[]): StepDraft => ({
    title: titleOfListItem(item) ?? `Step ${steps.length + 1}`,
    line: item.position!.start.line,
    kind: cells.length > 0 ? 'cells' : 'manual',
    role,
    section,
    heading: false,
    cells,
    prose: collectProse(item.children, context.source),
  });
  const cellsIn = (node: Nodes): CellDraft[] =>
    findCodeNodes(node).flatMap(({ code, comment }) => buildCellDrafts(code, comment, context.source, context.diagnostics));

  for (const node of section.blocks) {
    if (node.type === 'code') {
      const previous = section.blocks[section.blocks.indexOf(node) - 1];
      const cells = buildCellDrafts(node, isLitopsComment(previous) ? previous : null, context.source, context.diagnostics);
      if (cells.length === 0) continue;
      if (!attachTo && pendingList) {
        const items = pendingList.children;
        items.forEach((item, i) => steps.push(makeItemStep(item, i === items.length - 1 ? cells : [])));
        attachTo = steps.at(-1)!;
        pendingList = null;
      } else if (attachTo) {
        attachTo.cells.push(...cells);
        attachTo.kind = 'cells';
      } else {
        loose.push({ cells, hint, line: node.position!.start.line });
      }
      continue;
    }
    if (isLitopsComment(node)) continue;
    attachTo = null;
    pendingList = null;
    if (node.type === 'list' && !listed) {
      const itemCells = node.children.map((item) => cellsIn(item));
      if (node.ordered && itemCells.some((cells) => cells.length > 0)) {
        node.children.forEach((item, i) => steps.push(makeItemStep(item, itemCells[i]!)));
        attachTo = steps.at(-1)!;
      } else if (node.children.some((item) => typeof item.checked === 'boolean')) {
        node.children.forEach((item, i) => {
          if (typeof item.checked === 'boolean' && itemCells[i]!.length > 0) steps.push(makeItemStep(item, itemCells[i]!));
          else if (typeof item.checked === 'boolean') steps.push({ ...makeItemStep(item, []), kind: 'check', title: plainText(item.children[0] ?? item) || 'Check' });
          else if (itemCells[i]!.length > 0) loose.push({ cells: itemCells[i]!, hint: titleOfListItem(item), line: item.position!.start.line });
        });
      } else if (node.ordered) {
        pendingList = node;
      } else {
        node.children.forEach((item, i) => {
          if (itemCells[i]!.length > 0) loose.push({ cells: itemCells[i]!, hint: titleOfListItem(item), line: item.position!.start.line });
        });
      }
      continue;
    }
    const nested = cellsIn(node);
    if (nested.length > 0) loose.push({ cells: nested, hint, line: node.position!.start.line });
    hint = node.type === 'paragraph' ? firstSentence(plainText(node)) : hint;
  }
  return mergeLoose(section, steps, loose, role, context);
}

function mergeLoose(
  section: SectionNode,
  steps: StepDraft[],
  loose: Array<{ cells: CellDraft[]; hint: string | null; line: number }>,
  role: StepDraft['role'],
  context: Context,
): StepDraft[] {
  if (loose.length === 0) return steps;
  const prose = collectProse(section.blocks as RootContent[] as Nodes[], context.source);
  const cellSteps = steps.filter((step) => step.kind !== 'check');
  if (cellSteps.length === 0) {
    const line = section.depth > 0 ? section.line : loose[0]!.line;
    const headingStep: StepDraft = { title: section.title, line, kind: 'cells', role, section, heading: true, cells: loose.flatMap((l) => l.cells), prose };
    return [headingStep, ...steps].sort((a, b) => a.line - b.line);
  }
  const extra = loose.map((group, i): StepDraft => ({
    title: group.hint ?? `${section.title || 'Step'} (${i + 1})`,
    line: group.line,
    kind: 'cells',
    role,
    section,
    heading: false,
    cells: group.cells,
    prose: '',
  }));
  return [...steps, ...extra].sort((a, b) => a.line - b.line);
}
