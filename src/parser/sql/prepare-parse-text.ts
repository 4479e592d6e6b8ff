import type { PsqlScan } from './scan-psql.js';

/** A stretch of text between meta-commands, parsed on its own. */
export interface TextChunk {
  start: number;
  end: number;
}

/**
 * Makes psql syntax parseable without moving any offset: the colon of a
 * variable becomes `_` for `:name` (an identifier) and a space for `:'name'`
 * and `:"name"` (a literal or quoted identifier with the same text), and the
 * backslash of `\;` a space. Every byte and code point stays where it was, so
 * the parser's offsets apply to the original text.
 */
export function maskPsqlSyntax(text: string, scan: PsqlScan): string {
  const masks = new Map<number, string>(scan.escapedSemicolons.map((index) => [index, ' ']));
  for (const variable of scan.variables) masks.set(variable.start, variable.quoting === 'none' ? '_' : ' ');
  let masked = '';
  let from = 0;
  for (const index of [...masks.keys()].sort((a, b) => a - b)) {
    masked += text.slice(from, index) + (masks.get(index) ?? '');
    from = index + 1;
  }
  return masked + text.slice(from);
}

/** The stretches of text around meta-commands; psql ends the query buffer at `\g`-style commands anyway. */
export function splitAtMetaCommands(text: string, scan: PsqlScan): TextChunk[] {
  const chunks: TextChunk[] = [];
  let from = 0;
  for (const [start, end] of scan.metaCommands) {
    chunks.push({ start: from, end: start });
    from = end;
  }
  chunks.push({ start: from, end: text.length });
  return chunks.filter((chunk) => text.slice(chunk.start, chunk.end).trim() !== '');
}
