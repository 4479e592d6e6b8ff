/** A 1-based file position. */
export interface Position {
  line: number;
  column: number;
}

/** The file position of `offset` in `text`, given the file position of `text`'s first character. */
export function locateOffset(text: string, offset: number, origin: Position): Position {
  const before = text.slice(0, Math.max(0, offset));
  const lastNewline = before.lastIndexOf('\n');
  if (lastNewline < 0) return { line: origin.line, column: origin.column + before.length };
  const lines = before.split('\n').length - 1;
  return { line: origin.line + lines, column: offset - lastNewline };
}

/**
 * The offset in `text` of the character at 1-based `column` of `decoded`, a string
 * value that starts at `valueOffset` (on its opening quote, if quoted). When
 * escapes make the written text differ from `decoded`, this is the value's start.
 */
export function locateInValue(text: string, valueOffset: number, decoded: string, column: number): number {
  const quoted = text[valueOffset] === '"' || text[valueOffset] === "'";
  const contentStart = quoted ? valueOffset + 1 : valueOffset;
  if (text.slice(contentStart, contentStart + decoded.length) !== decoded) return valueOffset;
  return contentStart + Math.min(column - 1, decoded.length);
}
