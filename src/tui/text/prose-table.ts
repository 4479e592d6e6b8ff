import type { Table } from 'mdast';
import { collectInlineFlat } from './prose-inline.js';
import { getLineWidth, mergeSegments, type ProseLine, type ProseSegment } from './prose-line.js';
import { wrapSegments } from './wrap-prose.js';

const SEPARATOR = ' │ ';

/**
 * A GFM table: aligned columns separated by `│`, the header bold and ruled
 * off. A table wider than `width` falls back to one wrapped `a | b | c` line per row.
 */
export function renderTable(table: Table, width: number): ProseLine[] {
  const rows = table.children.map((row, index) =>
    row.children.map((cell) => collapseSpaces(collectInlineFlat(cell.children, index === 0 ? { bold: true } : {}))),
  );
  const columns = rows.reduce((most, row) => Math.max(most, row.length), 0);
  if (columns === 0) return [];
  const widths = Array.from({ length: columns }, (_, column) => rows.reduce((most, row) => Math.max(most, getLineWidth(row[column] ?? [])), 1));
  const total = widths.reduce((sum, columnWidth) => sum + columnWidth, 0) + SEPARATOR.length * (columns - 1);
  if (total > width) return rows.flatMap((row) => wrapSegments(joinCells(row, ' | '), width));
  const lines = rows.map((row) => mergeSegments(joinCells(widths.map((columnWidth, column) => padCell(row[column] ?? [], columnWidth, column === columns - 1)), SEPARATOR)));
  const rule: ProseLine = [{ text: widths.map((columnWidth) => '─'.repeat(columnWidth)).join('─┼─'), dim: true }];
  return [lines[0]!, rule, ...lines.slice(1)];
}

function joinCells(cells: readonly ProseSegment[][], separator: string): ProseSegment[] {
  return cells.flatMap((cell, index) => (index === 0 ? cell : [{ text: separator, dim: true }, ...cell]));
}

function padCell(cell: ProseSegment[], width: number, isLast: boolean): ProseSegment[] {
  const missing = width - getLineWidth(cell);
  return isLast || missing <= 0 ? cell : [...cell, { text: ' '.repeat(missing) }];
}

/** Cell text on one line: tabs, newlines and runs of spaces as one space, no space at either end. */
function collapseSpaces(cell: ProseSegment[]): ProseSegment[] {
  const collapsed = cell.map((segment) => ({ ...segment, text: segment.text.replace(/[ \t\n\r\f\v]+/g, ' ') }));
  const first = collapsed[0];
  if (first) collapsed[0] = { ...first, text: first.text.trimStart() };
  const last = collapsed.at(-1);
  if (last) collapsed[collapsed.length - 1] = { ...last, text: last.text.trimEnd() };
  return collapsed.filter((segment) => segment.text !== '');
}
