import type { List, Nodes, RootContent } from 'mdast';
import type { SourceText } from '../markdown/source-text.js';
import { findOwner } from './find-owner.js';
import { collectProse, titleOfListItem } from './markdown-nodes.js';
import type { StepDraft } from './collect-steps.js';
import type { SectionNode } from './sections.js';

/**
 * Prose-only steps of procedures, which a person does by hand: the items of a
 * numbered list in a procedure's own text (open a change ticket; wait a day and
 * check again), and sub-sections with instructions and no code among sibling
 * sections that hold cells. Prose outside procedures does not become steps.
 */
export function collectManualSteps(sections: readonly SectionNode[], drafts: readonly StepDraft[], source: SourceText): StepDraft[] {
  const owners = new Set(drafts.map((draft) => findOwner(draft.section, draft.heading)));
  const headingOwners = new Set(drafts.filter((d) => d.heading).map((d) => findOwner(d.section, true)));
  const taken = new Set(drafts.map((draft) => draft.line));
  const withCells = new Set<SectionNode>();
  for (const draft of drafts) for (let s: SectionNode | null = draft.section; s; s = s.parent) withCells.add(s);
  const manual: StepDraft[] = [];
  for (const section of sections) {
    if (section.role !== 'plain' && section.role !== 'container' && section.role !== 'rollback') continue;
    const role = section.role === 'rollback' ? 'rollback' : 'procedure';
    if (owners.has(section) && section.depth > 0) {
      for (const list of section.blocks.filter((node): node is List => node.type === 'list' && node.ordered === true)) {
        if (list.children.some((item) => taken.has(item.position!.start.line))) continue;
        for (const item of list.children) {
          manual.push({ title: titleOfListItem(item) ?? 'Manual step', line: item.position!.start.line, kind: 'manual', role, section, heading: false, cells: [], prose: collectProse(item.children as Nodes[], source) });
        }
      }
    }
    const owner = section.parent ? findOwner(section, true) : null;
    if (owner && headingOwners.has(owner) && section.role === 'plain' && !withCells.has(section) && hasInstructions(section.blocks) && isAmongSteps(section, withCells)) {
      manual.push({ title: section.title, line: section.line, kind: 'manual', role, section, heading: true, cells: [], prose: collectProse(section.blocks as Nodes[], source) });
    }
  }
  return manual;
}

/**
 * Within the procedure: after a sibling section that holds cells and before
 * another, or numbered like a step (`3) Check the node`, `Step 4: …`). An
 * "Overview" before the steps or "Further information" after them is not one.
 */
function isAmongSteps(section: SectionNode, withCells: ReadonlySet<SectionNode>): boolean {
  if (/^\s*(?:step\s+)?\d+(?:\.\d+)*[.):]\s|^\s*step\s+\d+\b/i.test(section.title)) return true;
  const siblings = section.parent!.children;
  const index = siblings.indexOf(section);
  return siblings.slice(0, index).some((s) => withCells.has(s)) && siblings.slice(index + 1).some((s) => withCells.has(s));
}

function hasInstructions(blocks: readonly RootContent[]): boolean {
  return blocks.some((node) => node.type === 'paragraph' || node.type === 'list');
}
