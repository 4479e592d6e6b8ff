import { RUN_REPORT_SCHEMA_VERSION, type ReportCriterion, type RunReport } from '../../model/report.js';
import type { CriterionRecord, RunRecord } from '../run-record/index.js';
import { buildReportCells } from './build-report-cells.js';
import { buildReportSteps } from './build-report-steps.js';
import { buildReportSummary } from './build-report-summary.js';

/** A run record as the JSON report (`RunReportSchema`): pure, no I/O. */
export function buildRunReport(record: RunRecord): RunReport {
  const cells = buildReportCells(record.cells, record.runbook);
  const criteria = record.criteria.map(buildReportCriterion);
  const { status, exitCode, problems, checked, signer, intactThrough } = record.verification;
  return {
    schemaVersion: RUN_REPORT_SCHEMA_VERSION,
    summary: buildReportSummary(record, cells, criteria),
    verification: { status, exitCode, problems, checked, signer, intactThrough },
    steps: buildReportSteps(record.runbook, record.events, record.cells),
    cells,
    criteria,
    decisions: record.decisions.map(({ type: _type, ...decision }) => decision),
    notices: record.notices.map(({ type: _type, ...notice }) => notice),
  };
}

function buildReportCriterion({ id, criterion, event }: CriterionRecord): ReportCriterion {
  return {
    id,
    procedure: criterion?.procedure ?? null,
    text: criterion?.text ?? null,
    check: criterion?.check ?? null,
    line: criterion?.line ?? null,
    result: event?.result ?? 'not-evaluated',
    by: event?.by ?? null,
    evidence: event?.evidence ?? null,
    note: event?.note ?? null,
  };
}
