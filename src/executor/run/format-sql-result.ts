import type { SqlStatementResult } from '../../model/events.js';

/**
 * Renders a statement's result as psql's aligned format does, so that SQL cells
 * have a readable stdout (and `stdout contains` works on them as on shell cells).
 */
export function formatSqlResult(result: SqlStatementResult): string {
  if (result.error) return '';
  if (result.columns.length === 0) return `${formatTag(result)}\n`;
  const header = result.columns.map((column) => column.name);
  const rows = result.rows.map((row) => row.map(formatValue));
  const widths = header.map((name, i) => Math.max(width(name), ...rows.map((row) => width(row[i] ?? ''))));
  const line = (cells: string[], align: boolean): string =>
    ` ${cells.map((cell, i) => (align ? pad(cell, widths[i]!) : cell)).join(' | ')}`.trimEnd();
  const out = [line(header.map((name, i) => center(name, widths[i]!)), false), widths.map((w) => '-'.repeat(w + 2)).join('+'), ...rows.map((row) => line(row, true))];
  const count = result.rowCount ?? result.rows.length;
  const more = result.truncated ? `, ${result.rows.length} shown` : '';
  out.push(`(${count} row${count === 1 ? '' : 's'}${more})`);
  return `${out.join('\n')}\n\n`;
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return typeof value === 'boolean' ? (value ? 't' : 'f') : String(value);
  return JSON.stringify(value);
}

function width(text: string): number {
  return Math.max(0, ...text.split('\n').map((line) => [...line].length));
}

function pad(text: string, size: number): string {
  return text + ' '.repeat(Math.max(0, size - width(text)));
}

function center(text: string, size: number): string {
  const left = Math.floor((size - width(text)) / 2);
  return pad(' '.repeat(Math.max(0, left)) + text, size);
}

/** psql's command tag line: `INSERT 0 3`, `UPDATE 2`, `VACUUM`. */
function formatTag(result: SqlStatementResult): string {
  const command = result.command ?? 'OK';
  if (result.rowCount === null) return command;
  if (command === 'INSERT') return `INSERT 0 ${result.rowCount}`;
  return /^(UPDATE|DELETE|MERGE|COPY|SELECT|MOVE|FETCH)$/.test(command) ? `${command} ${result.rowCount}` : command;
}
