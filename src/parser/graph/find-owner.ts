import type { SectionNode } from './sections.js';

/** The section whose procedure a step belongs to: headings like "Procedure Steps" or "Rollback" defer to their parent. */
export function findOwner(section: SectionNode, heading: boolean): SectionNode {
  let owner = heading ? (section.parent ?? section) : section;
  while (owner.role !== 'plain' && owner.parent) owner = owner.parent;
  return owner;
}
