/** The Markdown report: the runbook itself with each cell's output and status inserted after it. */
export { formatMarkdownReport } from './format-markdown-report.js';
export { stripInsertedBlocks } from './strip-inserted-blocks.js';
