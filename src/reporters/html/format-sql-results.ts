import type { SqlStatementResult } from '../../model/events.js';
import { formatDurationMs } from '../console/format-duration.js';
import { formatSqlValue } from '../shared/format-sql-value.js';
import { formatBadge } from './format-badge.js';
import { html, type SafeHtml } from './html.js';
import { showControls } from '../../model/terminal/show-control.js';

/** Each statement of a SQL attempt: its text, command tag, rows, time, error, notices, and its rows as a table. */
export function formatSqlResults(statements: readonly SqlStatementResult[]): SafeHtml {
  return html`${statements.map((statement) => {
    const facts = [statement.command, statement.rowCount === null ? null : `${statement.rowCount} ${statement.rowCount === 1 ? 'row' : 'rows'}`, formatDurationMs(statement.durationMs)];
    return html`<div class="statement">
<p class="label">Statement ${statement.index + 1} · line ${statement.line}</p>
<pre class="source"><code>${showControls(statement.text)}</code></pre>
<p class="meta">${facts.filter((fact) => fact !== null).join(' · ')}</p>
${statement.error ? formatError(statement.error) : ''}
${statement.notices.length ? html`<ul class="notes">${statement.notices.map((notice) => html`<li><strong>${notice.severity}</strong>: ${notice.message}</li>`)}</ul>` : ''}
${statement.columns.length ? formatRows(statement) : ''}
</div>`;
  })}`;
}

function formatError(error: NonNullable<SqlStatementResult['error']>): SafeHtml {
  return html`<p>${formatBadge('error', 'ERROR')} ${error.code ? html`<code>${error.code}</code> ` : ''}${error.message}</p>
${error.detail ? html`<p class="meta">DETAIL: ${error.detail}</p>` : ''}${error.hint ? html`<p class="meta">HINT: ${error.hint}</p>` : ''}`;
}

function formatRows(statement: SqlStatementResult): SafeHtml {
  const rows = statement.rows.map((row) => html`<tr>${statement.columns.map((_, index) => {
    const { text, isNull } = formatSqlValue(row[index]);
    return isNull ? html`<td class="null">NULL</td>` : html`<td>${showControls(text)}</td>`;
  })}</tr>`);
  return html`<div class="table-wrap"><table>
<thead><tr>${statement.columns.map((column) => html`<th title="${column.type}">${column.name}</th>`)}</tr></thead>
<tbody>${rows}</tbody>
</table></div>
${statement.truncated ? html`<p class="meta">Showing ${statement.rows.length} of ${statement.rowCount ?? 'more'} rows.</p>` : ''}`;
}
