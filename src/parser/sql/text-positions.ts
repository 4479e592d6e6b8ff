/** 1-based line and column (UTF-16 units) of an index into a text. */
export interface Position {
  line: number;
  column: number;
}

/** Maps UTF-16 indices of `text` to 1-based lines and columns (`\n`, `\r\n` and `\r` end lines). */
export function createLineIndex(text: string): (index: number) => Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return (index) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= index) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: index - (starts[low] ?? 0) + 1 };
  };
}

/** Converts the parser's offsets into UTF-16 indices of the text it parsed. */
export interface Utf8Index {
  /** A UTF-8 byte offset (`stmt_location`, `stmt_len`, token `start`/`end`). */
  fromByte(offset: number): number;
  /** A count of code points (the error `cursorPosition`, as PostgreSQL counts characters). */
  fromCodePoint(offset: number): number;
}

/** Builds the offset tables of `text` (as emscripten encodes it: lone surrogates take 3 bytes). */
export function createUtf8Index(text: string): Utf8Index {
  const byteToIndex: number[] = [];
  const codePointToIndex: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < size; k++) byteToIndex.push(i);
    codePointToIndex.push(i);
    i += cp > 0xffff ? 2 : 1;
  }
  const lookup = (table: number[], offset: number): number =>
    offset < 0 ? 0 : offset >= table.length ? text.length : (table[offset] ?? text.length);
  return {
    fromByte: (offset) => lookup(byteToIndex, offset),
    fromCodePoint: (offset) => lookup(codePointToIndex, offset),
  };
}
