/**
 * The parser's public API: Markdown runbook → step graph, plus the analysers the
 * executor reuses (SQL splitting and binding, expectations, durations).
 */
export { parseRunbook, parseRunbookSync, type ParseRunbookOptions, type ParseRunbookResult } from './parse-runbook.js';
export { loadSqlParser, analyzeSql, bindPsqlVariables } from './sql/index.js';
export { analyzeShell } from './shell/index.js';
export { parseExpectation, evaluateExpectation, extractLastNumber } from './expectations/index.js';
export { isSecretName } from './graph/variables.js';
