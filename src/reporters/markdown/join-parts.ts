/** A piece of an inserted block. */
export type BlockPart = { kind: 'paragraph'; lines: string[] } | { kind: 'fence'; lines: string[] } | { kind: 'table'; lines: string[] };

/** A separator that ends a table (or anything) without a blank line, which would make a tight list loose. */
const BREAK = '<!-- -->';

/**
 * Joins parts into lines that render as the same parts in CommonMark + GFM
 * without blank lines: neighbouring paragraphs become one with hard breaks (they
 * would otherwise run together), and a table is ended by an empty HTML comment
 * (a following line would otherwise be read as another row).
 */
export function joinParts(parts: readonly BlockPart[]): string[] {
  const lines: string[] = [];
  parts.forEach((part, index) => {
    const previous = parts[index - 1];
    if (previous?.kind === 'table') lines.push(BREAK);
    if (part.kind === 'paragraph' && previous?.kind === 'paragraph') lines[lines.length - 1] += '\\';
    part.lines.forEach((line, k) => lines.push(part.kind === 'paragraph' && k < part.lines.length - 1 ? `${line}\\` : line));
  });
  return lines;
}

export function paragraph(...lines: string[]): BlockPart {
  return { kind: 'paragraph', lines };
}
