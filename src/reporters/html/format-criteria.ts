import type { RunRecord } from '../run-record/index.js';
import { formatBadge } from './format-badge.js';
import { html, type SafeHtml } from './html.js';

/** Every criterion: its text, result, who decided (a check, an operator, an answers file), evidence and note. */
export function formatCriteria(record: RunRecord): SafeHtml {
  if (record.criteria.length === 0) return html`<section id="criteria"><h2>Criteria</h2><p class="muted">The runbook has no success criteria.</p></section>`;
  const rows = record.criteria.map(({ criterion, id, event }) => html`<tr>
<td>${criterion?.text ?? id}${criterion?.check ? html`<br><span class="meta">check <code>${criterion.check}</code></span>` : ''}</td>
<td>${event ? formatBadge(event.result) : formatBadge('not-evaluated', 'not evaluated')}</td>
<td>${event ? event.by : ''}</td>
<td>${event?.evidence ?? ''}${event?.note ? html`<br><span class="meta">${event.note}</span>` : ''}</td>
<td>${event?.ts ?? ''}</td>
</tr>`);
  return html`<section id="criteria"><h2>Criteria</h2><div class="table-wrap"><table>
<thead><tr><th>Criterion</th><th>Result</th><th>By</th><th>Evidence</th><th>When</th></tr></thead>
<tbody>${rows}</tbody>
</table></div></section>`;
}
