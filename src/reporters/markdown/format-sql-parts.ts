import type { SqlStatementResult } from '../../model/events.js';
import { formatDurationMs } from '../console/format-duration.js';
import { formatSqlValue, formatStatementLabel } from '../shared/format-sql-value.js';
import { paragraph, type BlockPart } from './join-parts.js';
import { escapeMarkdownText, formatCodeSpan, formatTable } from './markdown-text.js';

/** Each statement of a SQL attempt: a label line (statement, command tag, rows, time), errors and notices, and its rows as a table. */
export function formatSqlParts(statements: readonly SqlStatementResult[]): BlockPart[] {
  return statements.flatMap((statement) => {
    const parts: BlockPart[] = [paragraph(...formatLabel(statement))];
    if (statement.columns.length > 0) {
      const header = statement.columns.map((column) => escapeMarkdownText(column.name));
      const rows = statement.rows.map((row) => statement.columns.map((_, index) => formatCell(row[index])));
      parts.push({ kind: 'table', lines: formatTable(header, rows) });
      if (statement.truncated) parts.push(paragraph(`*Showing ${statement.rows.length} of ${statement.rowCount ?? 'more'} rows.*`));
    }
    return parts;
  });
}

function formatLabel(statement: SqlStatementResult): string[] {
  const facts = [formatCodeSpan(formatStatementLabel(statement.text))];
  if (statement.command) facts.push(escapeMarkdownText(statement.command));
  if (statement.rowCount !== null) facts.push(`${statement.rowCount} ${statement.rowCount === 1 ? 'row' : 'rows'}`);
  facts.push(formatDurationMs(statement.durationMs));
  const lines = [facts.join(' · ')];
  const { error } = statement;
  if (error) {
    lines.push(`❌ ERROR${error.code ? ` ${escapeMarkdownText(error.code)}` : ''}: ${escapeMarkdownText(error.message)}`);
    if (error.detail) lines.push(`DETAIL: ${escapeMarkdownText(error.detail)}`);
    if (error.hint) lines.push(`HINT: ${escapeMarkdownText(error.hint)}`);
  }
  for (const notice of statement.notices) lines.push(`${escapeMarkdownText(notice.severity)}: ${escapeMarkdownText(notice.message)}`);
  return lines;
}

function formatCell(value: unknown): string {
  const { text, isNull } = formatSqlValue(value);
  return isNull ? '*NULL*' : escapeMarkdownText(text);
}
