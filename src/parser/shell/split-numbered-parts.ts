import type { ShComment } from 'mvdan-sh';
import { createSourceMap } from './source-map.js';
import { getNodeType, parseShell, walkNodes } from './syntax.js';
import type { ShellPart } from './types.js';

/** `# Step 2: Title`, `# Step 2 - Title`, `# Step 2 Title` */
const stepComment = /^#+\s*step\s+(\d+)(?:\s*[.):]|\s+[-–—])?(?:\s+(.*))?$/i;
/** `# 2. Title`, `# 2) Title`, `# 2: Title`, `# 2 - Title`; not `# 1.5GB` or `# 3:00 AM`. */
const numberComment = /^#+\s*(\d+)(?:[.):]|\s+[-–—])(?:\s+(.*))?$/;

interface Marker {
  line: number;
  number: number;
  title: string;
}

/**
 * Splits a shell cell at comments that number its parts. Only comments alone on
 * their line, outside any compound command, here-document or string count. The
 * cell is split only when those comments number 1, 2, 3... in order (at least two)
 * and at least two parts hold commands; otherwise null. Blank lines and comments
 * before `# 1` join part 1; commands before it become part 0 with an empty title.
 */
export function splitNumberedParts(source: string): ShellPart[] | null {
  const parsed = parseShell(source, { keepComments: true });
  if (parsed.file === undefined) return null;
  const map = createSourceMap(source);
  const lines = source.split('\n');
  const statements = parsed.file.Stmts.map((stmt) => ({ start: map.locate(stmt.Pos()).line, end: map.locate(stmt.End()).line }));
  const markers: Marker[] = [];
  walkNodes(
    parsed.file,
    (node) => {
      if (getNodeType(node) !== 'Comment') return;
      const point = map.locate((node as ShComment).Hash);
      const standalone = (lines[point.line - 1] ?? '').slice(0, point.column - 1).trim() === '';
      const nested = statements.some((stmt) => stmt.start <= point.line && point.line <= stmt.end);
      const match = stepComment.exec(`#${(node as ShComment).Text}`.trim()) ?? numberComment.exec(`#${(node as ShComment).Text}`.trim());
      if (standalone && !nested && match) markers.push({ line: point.line, number: Number(match[1]), title: (match[2] ?? '').trim() });
    },
    () => undefined,
  );
  if (markers.length < 2 || markers.some((marker, index) => marker.number !== index + 1)) return null;

  const hasCode = (from: number, to: number) => statements.some((stmt) => stmt.start >= from && stmt.start <= to);
  const firstLine = markers[0]?.line ?? 1;
  const bounds: { number: number; title: string; from: number }[] = markers.map((marker) => ({ number: marker.number, title: marker.title, from: marker.line }));
  if (firstLine > 1 && hasCode(1, firstLine - 1)) bounds.unshift({ number: 0, title: '', from: 1 });
  else if (bounds[0]) bounds[0].from = 1;

  const parts = bounds.map((bound, index): ShellPart => {
    const to = (bounds[index + 1]?.from ?? lines.length + 1) - 1;
    return { number: bound.number, title: bound.title, source: lines.slice(bound.from - 1, to).join('\n'), line: bound.from, hasCode: hasCode(bound.from, to) };
  });
  return parts.filter((part) => part.hasCode).length >= 2 ? parts : null;
}
