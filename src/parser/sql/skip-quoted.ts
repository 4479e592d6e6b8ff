// Readers for the parts of SQL text where psql variables, meta-commands and
// semicolons mean nothing. Each takes the index where the part starts and
// returns the index just after it (the end of the text when it is unterminated).

const DOLLAR_TAG = /\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;

/** `'...'`, `"..."` (doubled quotes escape) or, with `backslashes`, `E'...'`. */
export function skipQuoted(text: string, start: number, quote: string, backslashes: boolean): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (backslashes && c === '\\') {
      i += 2;
    } else if (c === quote) {
      if (text[i + 1] !== quote) return i + 1;
      i += 2;
    } else {
      i++;
    }
  }
  return text.length;
}

/** A `/* ... *\/` comment; PostgreSQL nests them. */
export function skipBlockComment(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    if (text.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (text.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return text.length;
}

/** A `$tag$ ... $tag$` body; `undefined` when the `$` at `start` opens none (e.g. `$1`). */
export function skipDollarQuoted(text: string, start: number): number | undefined {
  DOLLAR_TAG.lastIndex = start;
  const match = DOLLAR_TAG.exec(text);
  if (!match) return undefined;
  const tag = match[0];
  const close = text.indexOf(tag, start + tag.length);
  return close === -1 ? text.length : close + tag.length;
}

/** The index of the line ending after `start` (before `\r\n`, `\n` or `\r`), or the end of the text. */
export function findLineEnd(text: string, start: number): number {
  for (let i = start; i < text.length; i++) {
    if (text[i] === '\n' || text[i] === '\r') return i;
  }
  return text.length;
}
