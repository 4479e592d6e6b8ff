import { showControl, showControls } from '../../model/terminal/show-control.js';

/**
 * Small Markdown builders for the blocks the report inserts. Everything they
 * return is one line or a list of lines without line endings: the caller adds
 * the container prefix and the runbook's own line ending.
 */

/** One line of text from anything: line breaks become spaces, control characters visible. */
export function toOneLine(text: string): string {
  return showControl(text.replace(/\r\n|\r|\n/g, ' '));
}

/** Plain text in a paragraph or table cell: every character Markdown could act on is backslash-escaped. */
export function escapeMarkdownText(text: string): string {
  return toOneLine(text).replace(/[\\`*_[\]<>|~&!#]/g, (char) => `\\${char}`);
}

/** A code span that no backtick in `text` can end. */
export function formatCodeSpan(text: string): string {
  const line = toOneLine(text);
  if (line === '') return '` `';
  const ticks = '`'.repeat(getLongestRun(line, '`') + 1);
  const pad = line.startsWith('`') || line.endsWith('`') || line.startsWith(' ') ? ' ' : '';
  return `${ticks}${pad}${line}${pad}${ticks}`;
}

/**
 * A fenced block with a backtick fence longer than any backtick run in `text`,
 * so nothing in it can close it. Control characters are shown (`␍`, `␛`), so every
 * line of `text` stays one line; a final line ending does not make an empty line.
 */
export function formatFence(info: string, text: string): string[] {
  const body = showControls(text).replace(/\n$/, '');
  const fence = '`'.repeat(Math.max(3, getLongestRun(body, '`') + 1));
  return [`${fence}${info}`, ...body.split('\n'), fence];
}

/** A GFM table of cells already in Markdown (use {@link escapeMarkdownText}: a bare `|` would split a cell). */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const row = (cells: readonly string[]): string => `| ${cells.map((cell) => cell || ' ').join(' | ')} |`;
  return [row(header), `|${header.map(() => ' --- ').join('|')}|`, ...rows.map(row)];
}

function getLongestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}
