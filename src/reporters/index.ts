/** Views derived from a run's events. */
export { createConsoleReporter, type ConsoleReporterOptions } from './console/console-reporter.js';
export { formatDurationMs } from './console/format-duration.js';
export { loadRunRecord, getCellPlace, MAX_OUT_BYTES, type CellPlace, type AttemptRecord, type CellRecord, type CriterionRecord, type EventLineRecord, type RunRecord, type RunStartRecord } from './run-record/index.js';
export { formatJsonReport, buildRunReport } from './json/index.js';
export { formatJunitReport } from './junit/index.js';
export { formatMarkdownReport, stripInsertedBlocks } from './markdown/index.js';
export { formatHtmlReport } from './html/index.js';
