import { mergeSegments, type ProseLine, type ProseSegment } from './prose-line.js';
import { getTextWidth, splitClusters } from './text-width.js';

type WrapItem = { kind: 'space'; space: ProseSegment } | { kind: 'word'; parts: ProseSegment[]; width: number };

const WHITESPACE = /([ \t\n\r\f\v]+)/;

/**
 * Segments word-wrapped to `width` columns: breaks at ASCII whitespace (runs
 * of it collapse to one space), a word wider than a line is broken between
 * grapheme clusters. Returns no lines for content with no words.
 */
export function wrapSegments(segments: readonly ProseSegment[], width: number): ProseLine[] {
  const lines: ProseLine[] = [];
  let line: ProseSegment[] = [];
  let lineWidth = 0;
  let space: ProseSegment | null = null;
  const endLine = (): void => {
    lines.push(mergeSegments(line));
    line = [];
    lineWidth = 0;
  };
  for (const item of splitWords(segments)) {
    if (item.kind === 'space') {
      if (line.length > 0) space = item.space;
      continue;
    }
    if (line.length > 0 && lineWidth + 1 + item.width <= width) {
      line.push(space ?? { text: ' ' }, ...item.parts);
      lineWidth += 1 + item.width;
    } else {
      if (line.length > 0) endLine();
      if (item.width <= width) {
        line.push(...item.parts);
        lineWidth = item.width;
      } else {
        for (const part of item.parts) {
          for (const cluster of splitClusters(part.text)) {
            if (lineWidth > 0 && lineWidth + cluster.width > width) endLine();
            line.push({ ...part, text: cluster.text });
            lineWidth += cluster.width;
          }
        }
      }
    }
    space = null;
  }
  if (line.length > 0) endLine();
  return lines;
}

function splitWords(segments: readonly ProseSegment[]): WrapItem[] {
  const items: WrapItem[] = [];
  for (const segment of segments) {
    segment.text.split(WHITESPACE).forEach((piece, index) => {
      if (piece === '') return;
      const last = items.at(-1);
      if (index % 2 === 1) {
        if (last?.kind !== 'space') items.push({ kind: 'space', space: { ...segment, text: ' ' } });
      } else if (last?.kind === 'word') {
        last.parts.push({ ...segment, text: piece });
        last.width += getTextWidth(piece);
      } else items.push({ kind: 'word', parts: [{ ...segment, text: piece }], width: getTextWidth(piece) });
    });
  }
  return items;
}
