import type { SqlStatementResult } from '../../model/events.js';
import type { RawStatementResult, ServerMessage } from './backend.js';
import { convertValue } from './convert-value.js';

/** The command of a tag without its counts: `INSERT 0 3` → `INSERT`, `CREATE INDEX` stays. */
export function readCommand(tag: string): string {
  return tag.replace(/(?: \d+)+$/, '');
}

/** The row count a tag reports (`SELECT 5`, `UPDATE 2`, `COPY 4`), or null (`CREATE TABLE`). */
export function readTagCount(tag: string): number | null {
  const match = / (\d+)$/.exec(tag);
  return match ? Number(match[1]) : null;
}

/** The 1-based line in the cell of a server's 1-based character `position` in a statement starting at `line`. */
export function locatePosition(text: string, line: number, position: number): number {
  const before = [...text].slice(0, Math.max(0, position - 1)).join('');
  return line + (before.match(/\n/g)?.length ?? 0);
}

/** A notice or error as psql prints it: the message, then DETAIL, HINT and CONTEXT lines. */
function formatNotice(notice: ServerMessage): string {
  const lines = [notice.message];
  if (notice.detail) lines.push(`DETAIL: ${notice.detail}`);
  if (notice.hint) lines.push(`HINT: ${notice.hint}`);
  if (notice.where) lines.push(`CONTEXT: ${notice.where}`);
  return lines.join('\n');
}

/** What one statement did, for the event stream: rows converted to JSON-safe values, bounded. */
export interface StatementFacts {
  index: number;
  text: string;
  line: number;
  raw: RawStatementResult;
  durationMs: number;
  typeName: (oid: number) => string;
}

/** Builds the `SqlStatementResult` of one statement from what the server sent. */
export function buildStatementResult({ index, text, line, raw, durationMs, typeName }: StatementFacts): SqlStatementResult {
  const columns = raw.columns ?? [];
  const notices = raw.notices.map((notice) => ({ severity: notice.severity, message: formatNotice(notice) }));
  if (raw.noticesDropped > 0) notices.push({ severity: 'NOTICE', message: `(${raw.noticesDropped} more notices were not kept)` });
  const error = raw.error;
  const rowCount = raw.tag ? (readTagCount(raw.tag) ?? (raw.columns ? raw.rowsReceived : null)) : null;
  return {
    index,
    text,
    line,
    command: raw.tag ? readCommand(raw.tag) : null,
    rowCount,
    columns: columns.map((column) => ({ name: column.name, type: typeName(column.typeOid) })),
    rows: raw.rows.map((row) => row.map((value, i) => convertValue(value, columns[i]?.typeOid ?? 25))),
    truncated: raw.rowsReceived > raw.rows.length,
    notices,
    durationMs,
    error: error
      ? {
          message: error.message,
          code: error.code,
          position: error.position,
          line: error.position === null ? null : locatePosition(text, line, error.position),
          detail: [error.detail, error.where ? `CONTEXT: ${error.where}` : null].filter(Boolean).join('\n') || null,
          hint: error.hint,
        }
      : null,
  };
}

/** A skipped meta-command's entry in the statement list. */
export function buildSkippedResult(index: number, text: string, line: number, note: string): SqlStatementResult {
  return { index, text, line, command: null, rowCount: null, columns: [], rows: [], truncated: false, notices: [{ severity: 'NOTICE', message: note }], durationMs: 0, error: null };
}
