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
  for (const section of headings) {
    const depth = slugPaths.get(section)!.length;
    let length = 1;
    while (length < depth && headings.some((other) => other !== section && slugPaths.get(other)!.length >= length && candidate(other, length) === candidate(section, length))) {
      length++;
    }
    ids.set(section, registry.claim(candidate(section, length)));
  }
  return ids;
}
