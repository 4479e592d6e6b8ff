/** The JSON report: a run record as `RunReportSchema` (src/model/report.ts). */
export { buildRunReport } from './build-run-report.js';
export { formatJsonReport } from './format-json-report.js';
