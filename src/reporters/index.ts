/** Views derived from a run's events. */
export { createConsoleReporter, type ConsoleReporterOptions } from './console/console-reporter.js';
export { formatDurationMs } from './console/format-duration.js';
