import type { Cell } from '../../model/runbook.js';
import { formatDurationMs } from '../console/format-duration.js';
import type { AttemptRecord } from '../run-record/index.js';
import { formatDiffHtml } from './diff/format-diff-html.js';
import { formatBadge } from './format-badge.js';
import { formatSqlResults } from './format-sql-results.js';
import { html, type SafeHtml } from './html.js';
import { renderTerminalHtml } from './terminal/render-terminal-html.js';
import { showControls } from '../../model/terminal/show-control.js';

/** What {@link formatAttempt} needs besides the attempt. */
export interface AttemptContext {
  cell: Cell | null;
  principal: string;
  tryNumber: number;
  tries: number;
}

/** One attempt: status, exit code, duration, who and when, the edit as a diff, expectations, output and SQL results. */
export function formatAttempt(attempt: AttemptRecord, context: AttemptContext): SafeHtml {
  const { start, end } = attempt;
  const facts = [
    context.tries > 1 ? `try ${context.tryNumber} of ${context.tries}` : null,
    end ? (end.exitCode !== null ? `exit ${end.exitCode}` : end.signal ? `signal ${end.signal}` : 'no exit code') : null,
    end ? formatDurationMs(end.durationMs) : null,
    start.lang === 'sql' ? `target ${start.target}` : start.cwd ? `in ${start.cwd}` : null,
    `out/${attempt.attempt}`,
  ].filter((fact) => fact !== null);
  return html`<section class="attempt" aria-label="Attempt ${attempt.attempt}">
<p class="attempt-meta">${end ? formatBadge(end.status) : formatBadge('cancelled', 'did not finish')} ${facts.join(' · ')} · by <code>${context.principal}</code> at ${start.ts}</p>
${attempt.edited ? formatEdit(attempt, context.cell) : ''}
${end ? formatNotes(end) : ''}
${attempt.stdout ? formatStream('stdout', attempt.stdout) : ''}
${attempt.stderr ? formatStream('stderr', attempt.stderr) : ''}
${attempt.sql ? formatSqlResults(attempt.sql) : ''}
${!attempt.stdout && !attempt.stderr && !attempt.sql?.length ? html`<p class="muted">No output.</p>` : ''}
${attempt.truncated ? html`<p class="warn-text">Output cut: only the first 1 MiB of each stream is shown; the run directory holds all of it.</p>` : ''}
</section>`;
}

function formatEdit(attempt: AttemptRecord, cell: Cell | null): SafeHtml {
  const label = html`<p class="label">${formatBadge('edit', 'edited')} source edited by the operator before this attempt</p>`;
  if (!cell) return html`${label}<p class="muted">The runbook has no such cell to compare with; the source run:</p><pre class="source"><code>${showControls(attempt.start.source)}</code></pre>`;
  return html`${label}${formatDiffHtml(cell.source, attempt.start.source)}`;
}

function formatNotes(end: NonNullable<AttemptRecord['end']>): SafeHtml | string {
  // The implicit `exit == 0` of a shell cell says no more than the exit code unless it failed.
  const expectations = end.expectations.filter((result) => !result.passed || result.expected !== 'exit == 0');
  const notes = [
    end.error ? html`<li><strong class="bad-text">Error:</strong> ${end.error}</li>` : '',
    expectations.map((result) => html`<li>${formatBadge(result.passed ? 'passed' : 'failed', result.passed ? 'met' : 'not met')} expect <code>${result.expected}</code>${result.passed ? '' : html`, actual <code>${result.actual}</code>`}</li>`),
    end.capture ? html`<li>Captured <code>${end.capture.name}</code> = <code>${end.capture.value}</code></li>` : '',
    end.stopped ? html`<li>${formatBadge('passed', end.stopped.by === 'operator' ? 'ended by the operator' : 'ended by its timeout')} ${end.stopped.note}</li>` : '',
  ];
  return end.error || expectations.length || end.capture || end.stopped ? html`<ul class="notes">${notes}</ul>` : '';
}

function formatStream(name: string, text: string): SafeHtml {
  return html`<p class="label">${name}</p><pre class="term" aria-label="${name}">${renderTerminalHtml(text)}</pre>`;
}
