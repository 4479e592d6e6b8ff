/**
 * The runbook's text with fast line lookups. Offsets are UTF-16 indices into
 * `text`, the same that mdast positions use (after the BOM is removed).
 */
export interface SourceText {
  readonly text: string;
  /** Text of 1-based line `line`, without its line ending. */
  lineAt(line: number): string;
  readonly lineCount: number;
}

export function createSourceText(text: string): SourceText {
  const lines = text.split(/\r\n|\r|\n/);
  return {
    text,
    lineCount: lines.length,
    lineAt: (line) => lines[line - 1] ?? '',
  };
}

/** Removes a leading UTF-8 byte-order mark, as CommonMark parsers do. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
