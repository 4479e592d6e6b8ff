import type { Cell } from '../../model/runbook.js';
import type { CellRecord, RunRecord } from '../run-record/index.js';
import { formatAttempt } from './format-attempt.js';
import { formatBadge } from './format-badge.js';
import { formatDecision } from './format-decision.js';
import { html, type SafeHtml } from './html.js';
import { getAttemptPrincipal } from '../shared/get-attempt-principal.js';
import { showControls } from '../../model/terminal/show-control.js';

/** A cell the run knew: its command, what was decided about it, and every attempt with its output. */
export function formatCell(record: RunRecord, cellRecord: CellRecord): SafeHtml {
  const { cell, attempts } = cellRecord;
  const source = cell?.source ?? attempts[0]?.start.source ?? '';
  const tries = attempts.length;
  return html`<article class="cell" id="${getCellAnchor(cellRecord.id)}">
<header><h5><code>${cellRecord.id}</code></h5> ${formatBadge(cellRecord.status)} ${formatCellMeta(cell)}</header>
<pre class="source" aria-label="Command"><code>${showControls(source)}</code></pre>
${cellRecord.decisions.length ? html`<ul class="notes">${cellRecord.decisions.map((decision) => html`<li>${formatDecision(decision)}</li>`)}</ul>` : ''}
${cellRecord.status === 'not-run' ? html`<p class="muted">Not run: the run did not reach this cell.</p>` : ''}
${attempts.map((attempt, index) => formatAttempt(attempt, { cell, principal: getAttemptPrincipal(record, attempt.attempt), tryNumber: index + 1, tries }))}
</article>`;
}

/** A cell of the runbook the run did not plan: reference blocks, guesses, cells outside a selection. */
export function formatUnplannedCell(cell: Cell): SafeHtml {
  const status = cell.executable ? 'not-planned' : 'reference';
  return html`<article class="cell" id="${getCellAnchor(cell.id)}">
<header><h5><code>${cell.id}</code></h5> ${formatBadge(status, cell.executable ? 'not in the plan' : 'reference, not run')} ${formatCellMeta(cell)}</header>
<details><summary>Source</summary><pre class="source"><code>${showControls(cell.source)}</code></pre></details>
</article>`;
}

function formatCellMeta(cell: Cell | null): SafeHtml {
  if (!cell) return html`<span class="meta warn-text">not in runbook.md</span>`;
  const destructive = cell.destructive ? html` · <strong class="bad-text">destructive</strong>: ${cell.reasons.map((reason) => reason.reason).join('; ')}` : '';
  return html`<span class="meta">${cell.info ?? cell.lang} · line ${cell.line}${destructive}</span>`;
}

/** A fragment id for a cell: `cell-` and its id with anything unusual percent-encoded. */
export function getCellAnchor(id: string): string {
  return `cell-${encodeURIComponent(id)}`;
}
