import { getTextWidth } from './text-width.js';

/** A run of text in one style. Flags that do not apply are left out rather than `false`. */
export interface ProseSegment {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  heading?: boolean;
  link?: boolean;
  dim?: boolean;
}

/** One line of rendered prose; `[]` is a blank line. */
export type ProseLine = ProseSegment[];

/** The style part of a segment. */
export type ProseStyle = Omit<ProseSegment, 'text'>;

const FLAGS = ['bold', 'italic', 'code', 'heading', 'link', 'dim'] as const;

/** The columns a line takes up. */
export function getLineWidth(line: readonly ProseSegment[]): number {
  let width = 0;
  for (const segment of line) width += getTextWidth(segment.text);
  return width;
}

/** The line with adjacent segments of the same style joined and empty ones left out. */
export function mergeSegments(line: readonly ProseSegment[]): ProseLine {
  const merged: ProseLine = [];
  for (const segment of line) {
    if (segment.text === '') continue;
    const last = merged.at(-1);
    if (last && hasSameStyle(last, segment)) merged[merged.length - 1] = { ...last, text: last.text + segment.text };
    else merged.push(segment);
  }
  return merged;
}

/** Lines with `first` put before the first one and `rest` before the others (blank lines get `rest` trimmed). */
export function prefixLines(lines: readonly ProseLine[], first: ProseLine, rest: ProseLine): ProseLine[] {
  return lines.map((line, index) => {
    const prefix = index === 0 ? first : rest;
    if (line.length > 0 || index === 0) return mergeSegments([...prefix, ...line]);
    return mergeSegments(prefix.map((segment) => ({ ...segment, text: segment.text.trimEnd() })));
  });
}

/** Blocks one after another, a blank line (`separator`) between them when `spread`; empty blocks are left out. */
export function joinBlocks(blocks: readonly ProseLine[][], spread: boolean, separator: ProseLine = []): ProseLine[] {
  const lines: ProseLine[] = [];
  for (const block of blocks) {
    if (block.length === 0) continue;
    if (spread && lines.length > 0) lines.push(separator);
    lines.push(...block);
  }
  return lines;
}

function hasSameStyle(a: ProseSegment, b: ProseSegment): boolean {
  return FLAGS.every((flag) => Boolean(a[flag]) === Boolean(b[flag]));
}
