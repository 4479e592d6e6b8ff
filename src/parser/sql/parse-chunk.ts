import { hasSqlDetails, parseSync } from 'libpg-query';
import { createUtf8Index } from './text-positions.js';
import type { TextChunk } from './prepare-parse-text.js';

/** A statement's raw extent in the analysed text and its parse tree (`{SelectStmt: {...}}`), or `null` if it did not parse. */
export interface StatementSpan {
  start: number;
  end: number;
  tree: Record<string, unknown> | null;
}

/** The parser's complaint, at a UTF-16 index of the analysed text. */
export interface ChunkError {
  message: string;
  index: number;
}

interface ParseOutcome {
  spans: StatementSpan[];
  error?: ChunkError;
}

/** Parses `text.slice(start, end)`; throws only for faults other than a syntax error. */
function parseRange(text: string, { start, end }: TextChunk): ParseOutcome {
  const sql = text.slice(start, end);
  const offsets = createUtf8Index(sql);
  try {
    const result = parseSync(sql);
    const spans = (result.stmts ?? []).map((raw) => {
      const location = raw.stmt_location ?? 0;
      const stop = raw.stmt_len === undefined || raw.stmt_len === 0 ? sql.length : offsets.fromByte(location + raw.stmt_len);
      const tree = (raw.stmt ?? null) as Record<string, unknown> | null;
      return { start: start + offsets.fromByte(location), end: start + stop, tree };
    });
    return { spans };
  } catch (error) {
    if (!hasSqlDetails(error)) throw error;
    const cursor = error.sqlDetails?.cursorPosition ?? 0;
    return { spans: [], error: { message: error.message, index: start + offsets.fromCodePoint(cursor) } };
  }
}

/**
 * Splits and parses a chunk with the real parser. When the chunk does not parse,
 * it is split at psql's own statement ends instead and each piece is parsed
 * alone, so the statements around a syntax error are still found and checked;
 * pieces that fail have a `null` tree.
 */
export function parseChunk(text: string, chunk: TextChunk, semicolons: readonly number[]): ParseOutcome {
  const whole = parseRange(text, chunk);
  if (!whole.error) return whole;
  const spans: StatementSpan[] = [];
  let from = chunk.start;
  const ends = semicolons.filter((index) => index >= chunk.start && index < chunk.end);
  for (const stop of [...ends, chunk.end]) {
    const piece = { start: from, end: stop };
    from = stop + 1;
    if (text.slice(piece.start, piece.end).trim() === '') continue;
    const outcome = parseRange(text, piece);
    spans.push(...(outcome.error ? [{ ...piece, tree: null }] : outcome.spans));
  }
  return { spans, error: whole.error };
}
