import type { Step } from '../../model/runbook.js';
import type { CellRecord, RunRecord } from '../run-record/index.js';
import { formatCell, formatUnplannedCell } from './format-cell.js';
import { formatDecision } from './format-decision.js';
import { html, type SafeHtml } from './html.js';

/** Every procedure and step of the runbook in order, each cell with its command and output; then recorded cells the runbook lacks. */
export function formatSteps(record: RunRecord): SafeHtml {
  const { runbook } = record;
  const records = new Map(record.cells.map((cellRecord) => [cellRecord.id, cellRecord]));
  const shown = new Set<string>();
  const procedures = runbook.procedures.map((procedure) => {
    const steps = procedure.steps.map((id) => runbook.steps.find((step) => step.id === id)).filter((step): step is Step => step !== undefined);
    return html`<section class="procedure"><h3>${procedure.title}</h3>${steps.map((step) => formatStep(record, step, records, shown))}</section>`;
  });
  const others = record.cells.filter((cellRecord) => !shown.has(cellRecord.id));
  return html`<section id="steps"><h2>Steps and cells</h2>
${procedures}
${others.length ? html`<section class="procedure"><h3>Recorded cells outside the runbook’s steps</h3>${others.map((cellRecord) => formatCell(record, cellRecord))}</section>` : ''}
</section>`;
}

function formatStep(record: RunRecord, step: Step, records: Map<string, CellRecord>, shown: Set<string>): SafeHtml {
  const cells = step.cells.map((id) => {
    shown.add(id);
    const cellRecord = records.get(id);
    if (cellRecord) return formatCell(record, cellRecord);
    const cell = record.runbook.cells.find((candidate) => candidate.id === id);
    return cell ? formatUnplannedCell(cell) : '';
  });
  const decisions = record.decisions.filter((decision) => decision.cell === null && decision.step === step.id);
  const kind = step.kind === 'cells' ? '' : html` <span class="meta">(${step.kind === 'check' ? 'checklist item' : 'manual step'})</span>`;
  return html`<div class="step" id="step-${encodeURIComponent(step.id)}">
<h4>${step.title}${kind}${step.role === 'rollback' ? html` <span class="meta">(rollback)</span>` : ''}</h4>
<p class="meta">Step <code>${step.id}</code> · line ${step.line}</p>
${decisions.length ? html`<ul class="notes">${decisions.map((decision) => html`<li>${formatDecision(decision)}</li>`)}</ul>` : ''}
${cells}
</div>`;
}
