import { formatDurationMs } from '../console/format-duration.js';
import type { RunRecord } from '../run-record/index.js';
import { formatBadge } from './format-badge.js';
import { html, type SafeHtml } from './html.js';

/** The page's title: the runbook's title and path. */
export function formatRunTitle({ start }: RunRecord): SafeHtml {
  return html`<header>
<p class="subtitle">litops run record</p>
<h1>${start.runbook.title}</h1>
<p class="subtitle">Runbook <code>${start.runbook.path ?? '(no path)'}</code></p>
</header>`;
}

/** Who/what/when/where of the run, as a definition list, and its (redacted) inputs. */
export function formatRunFacts(record: RunRecord): SafeHtml {
  const { start, end, runbook } = record;
  const fact = (term: string, value: SafeHtml | string): SafeHtml => html`<dt>${term}</dt><dd>${value}</dd>`;
  const changed = runbook.sha256 !== start.runbook.sha256 ? html` <strong class="bad-text">runbook.md has sha256 ${runbook.sha256}</strong>` : '';
  return html`<section id="run" aria-label="Run">
<dl class="facts">
${fact('Run', html`<code>${start.runId}</code>`)}
${start.replayOf ? fact('Replay of', html`run <code>${start.replayOf.runId}</code> (<code>${start.replayOf.runDir}</code>), whose events.jsonl had sha256 <code>${start.replayOf.sha256OfEvents}</code>`) : ''}
${fact('Runbook sha256', html`<code>${start.runbook.sha256}</code>${changed}`)}
${start.gitCommit ? fact('Git commit', html`<code>${start.gitCommit}</code>`) : ''}
${fact('Operator', html`<code>${start.principal}</code> (user <code>${start.user}</code>)`)}
${fact('Key fingerprint', html`<code>${start.keyFingerprint}</code>${start.ephemeralKey ? html` <strong class="warn-text">ephemeral key: proves integrity, not identity</strong>` : ''}`)}
${fact('Host', html`<code>${start.host}</code>`)}
${fact('Started', start.ts)}
${fact('Ended', end ? html`${end.ts} (${formatDurationMs(end.durationMs)})` : html`<strong class="warn-text">no run.end in the log</strong>`)}
${record.resumes.map((resume) => fact('Resumed', html`${String(resume.ts ?? '')} by <code>${String(resume.principal ?? 'unknown')}</code>${typeof resume.reason === 'string' ? html`: ${resume.reason}` : ''}`))}
${fact('Mode', html`${start.mode}, litops ${start.toolVersion}`)}
${fact('Outcome', end ? html`${formatBadge(end.status)} exit ${end.exitCode}: ${end.reason}` : formatBadge('interrupted', 'did not end'))}
${fact('Cells', formatCounts(record))}
</dl>
${formatInputs(record)}
</section>`;
}

function formatCounts(record: RunRecord): SafeHtml {
  const counts = new Map<string, number>();
  for (const cell of record.cells) counts.set(cell.status, (counts.get(cell.status) ?? 0) + 1);
  if (counts.size === 0) return html`none`;
  return html`${[...counts].map(([status, count], index) => html`${index ? ', ' : ''}${count} ${formatBadge(status)}`)}`;
}

function formatInputs({ start }: RunRecord): SafeHtml | string {
  const names = Object.keys(start.inputs).sort();
  if (names.length === 0) return '';
  return html`<details><summary>Inputs (${names.length}, secrets redacted)</summary><div class="table-wrap"><table>
<thead><tr><th>Name</th><th>Value</th><th>From</th></tr></thead>
<tbody>${names.map((name) => html`<tr><td><code>${name}</code></td><td><code>${start.inputs[name] ?? ''}</code></td><td>${start.inputSources[name] ?? ''}</td></tr>`)}</tbody>
</table></div></details>`;
}
