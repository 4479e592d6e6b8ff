import type { SourceText } from '../markdown/source-text.js';
import type { SectionNode } from './sections.js';

const META_LINE = /^\s*\*\*([^*\n]+?)\s*(?::\s*\*\*|\*\*\s*:)\s*(.+?)\s*$/;

/**
 * `**Key**: value` (or `**Key:** value`) lines in the paragraphs right under a
 * heading, before any other kind of block.
 */
export function readSectionMetadata(section: SectionNode, source: SourceText): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const node of section.blocks) {
    if (node.type === 'html') continue;
    if (node.type !== 'paragraph') break;
    const { start, end } = node.position!;
    let matched = false;
    for (let line = start.line; line <= end.line; line++) {
      const match = META_LINE.exec(source.lineAt(line));
      if (!match) continue;
      metadata[match[1]!.trim()] = match[2]!;
      matched = true;
    }
    if (!matched) break;
  }
  return metadata;
}
