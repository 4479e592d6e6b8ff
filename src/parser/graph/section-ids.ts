import { IdRegistry, slugify } from './slug.js';
import type { SectionNode } from './sections.js';

/** The id of the text before any heading, when it holds steps. */
export const ROOT_SECTION_ID = 'main';

/**
 * Gives every section the shortest suffix of its slugged heading path that no
 * other section shares (`morning-health-check`, else `daily.morning-health-check`),
 * so ids stay stable when unrelated headings change.
 */
export function assignSectionIds(sections: readonly SectionNode[]): Map<SectionNode, string> {
  const ids = new Map<SectionNode, string>();
  const registry = new IdRegistry();
  const headings = sections.filter((section) => section.depth > 0);
  const slugPaths = new Map(headings.map((section) => [section, section.path.map((title) => slugify(title, 'section'))]));
  const candidate = (section: SectionNode, length: number): string => slugPaths.get(section)!.slice(-length).join('.');
  const root = sections.find((section) => section.depth === 0);
  if (root) ids.set(root, registry.claim(ROOT_SECTION_ID));
  // How many headings share each suffix of each length (counted once: linear, not a scan per heading).
  const shared = new Map<string, number>();
  const keyOf = (section: SectionNode, length: number) => `${length}\u0000${candidate(section, length)}`;
  for (const section of headings) {
    for (let length = 1; length <= slugPaths.get(section)!.length; length++) shared.set(keyOf(section, length), (shared.get(keyOf(section, length)) ?? 0) + 1);
  }
  for (const section of headings) {
    const depth = slugPaths.get(section)!.length;
    let length = 1;
    while (length < depth && shared.get(keyOf(section, length))! > 1) length++;
    ids.set(section, registry.claim(candidate(section, length)));
  }
  return ids;
}
