import type { RunRecord } from '../run-record/index.js';
import { buildRunReport } from './build-run-report.js';

/** The JSON report of a run (see `RunReportSchema` in src/model/report.ts), pretty-printed, ending with a newline. */
export function formatJsonReport(record: RunRecord): string {
  return `${JSON.stringify(buildRunReport(record), null, 2)}\n`;
}
