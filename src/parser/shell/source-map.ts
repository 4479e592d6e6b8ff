import type { ShNode, ShPos } from 'mvdan-sh';

/** A position in the text litops reports on: 1-based line and column (UTF-16 units), 0-based string index. */
export interface Point {
  line: number;
  column: number;
  index: number;
}

/** Where line 1, column 1 of a nested script sits in its host cell (for `bash -c '...'`). */
export interface Origin {
  line: number;
  column: number;
}

/** Converts mvdan-sh positions (byte columns) into points of the parsed string. */
export interface SourceMap {
  source: string;
  locate(pos: ShPos): Point;
  /** The point of a string index of `source`. */
  pointAt(index: number): Point;
  /** Source text from a node's start to its end. */
  textOf(node: ShNode): string;
}

/** Builds a source map; with `origin`, points are shifted into the host cell's coordinates. */
export function createSourceMap(source: string, origin?: Origin): SourceMap {
  const lines = source.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }

  const toLocal = (pos: ShPos): Point => {
    const lineNo = Math.min(Math.max(pos.Line(), 1), lines.length);
    const text = lines[lineNo - 1] ?? '';
    const column = byteColumnToIndex(text, Math.max(pos.Col(), 1) - 1) + 1;
    return { line: lineNo, column, index: (starts[lineNo - 1] ?? 0) + column - 1 };
  };

  const shift = (local: Point): Point => {
    if (origin === undefined) return local;
    if (local.line === 1) return { line: origin.line, column: origin.column + local.column - 1, index: local.index };
    return { line: origin.line + local.line - 1, column: local.column, index: local.index };
  };

  return {
    source,
    locate: (pos) => shift(toLocal(pos)),
    pointAt(index) {
      let line = 0;
      while (line + 1 < starts.length && (starts[line + 1] ?? Infinity) <= index) line++;
      return shift({ line: line + 1, column: index - (starts[line] ?? 0) + 1, index });
    },
    textOf(node) {
      return source.slice(toLocal(node.Pos()).index, toLocal(node.End()).index);
    },
  };
}

/** Index in `text` of the character that starts `bytes` UTF-8 bytes into it. */
function byteColumnToIndex(text: string, bytes: number): number {
  if (!/[^\x00-\x7f]/.test(text)) return Math.min(bytes, text.length);
  let seen = 0;
  let index = 0;
  while (index < text.length && seen < bytes) {
    const code = text.codePointAt(index) ?? 0;
    seen += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    index += code >= 0x10000 ? 2 : 1;
  }
  return index;
}
