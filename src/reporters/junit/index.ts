/** The JUnit XML report: a testsuite per procedure, a testcase per cell and per criterion. */
export { formatJunitReport } from './format-junit-report.js';
export { buildJunitSuites, NO_PROCEDURE } from './build-junit-suites.js';
export { escapeXmlAttribute, escapeXmlText, formatCdata, sanitizeXmlChars } from './escape-xml.js';
export type { JunitCase, JunitSuite, JunitTotals } from './junit-model.js';
