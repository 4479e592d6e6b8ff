/** The HTML audit report: one self-contained, script-free page per run. */
export { formatHtmlReport } from './format-html-report.js';
