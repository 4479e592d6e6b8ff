import type { ReportStep } from '../../model/report.js';
import type { Runbook } from '../../model/runbook.js';
import { getCellPlace, type CellRecord, type EventLineRecord } from '../run-record/index.js';

/**
 * The steps the run concerns (those it started, and those holding a cell of
 * the report), in the order the run reached them, then the others in report
 * order. Status: the last `step.end`, else `running` if started, else `not-run`.
 */
export function buildReportSteps(runbook: Runbook, events: readonly EventLineRecord[], cells: readonly CellRecord[]): ReportStep[] {
  const steps = new Map(runbook.steps.map((step) => [step.id, step]));
  const order: string[] = [];
  const started = new Map<string, { title: string; procedure: string }>();
  const ended = new Map<string, ReportStep['status']>();
  for (const event of events) {
    if (event.type === 'step.start' && typeof event.step === 'string') {
      started.set(event.step, { title: String(event.title ?? ''), procedure: String(event.procedure ?? '') });
      if (!order.includes(event.step)) order.push(event.step);
    }
    if (event.type === 'step.end' && typeof event.step === 'string' && isStepEndStatus(event.status)) ended.set(event.step, event.status);
  }
  for (const cell of cells) {
    const { step } = getCellPlace(cell, runbook);
    if (step !== null && !order.includes(step)) order.push(step);
  }
  return order.map((id) => {
    const step = steps.get(id);
    return {
      id,
      title: step?.title ?? started.get(id)?.title ?? '',
      procedure: step?.procedure ?? started.get(id)?.procedure ?? '',
      kind: step?.kind ?? null,
      status: ended.get(id) ?? (started.has(id) ? 'running' : 'not-run'),
      cells: cells.filter((cell) => getCellPlace(cell, runbook).step === id).map((cell) => cell.id),
    };
  });
}

function isStepEndStatus(value: unknown): value is 'passed' | 'failed' | 'skipped' {
  return value === 'passed' || value === 'failed' || value === 'skipped';
}
