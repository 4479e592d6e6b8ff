/** A line of the runbook and the line ending after it (`''` for a last line without one). */
export interface SourceLine {
  text: string;
  eol: string;
}

/**
 * Splits text at `\r\n`, `\r` and `\n` (CommonMark's line endings), keeping each
 * ending, so that `joinLines(splitLines(text)) === text` for every string.
 */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  const pattern = /\r\n|\r|\n/g;
  let start = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push({ text: text.slice(start, match.index), eol: match[0] });
    start = match.index + match[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), eol: '' });
  return lines;
}

export function joinLines(lines: readonly SourceLine[]): string {
  return lines.map((line) => line.text + line.eol).join('');
}

/** Splits off a leading byte-order mark, which the report keeps in front of everything. */
export function splitBom(text: string): { bom: string; body: string } {
  return text.charCodeAt(0) === 0xfeff ? { bom: '\ufeff', body: text.slice(1) } : { bom: '', body: text };
}
