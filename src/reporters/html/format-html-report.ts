import type { RunRecord } from '../run-record/index.js';
import { formatCriteria } from './format-criteria.js';
import { formatDecisions } from './format-decision.js';
import { formatNotices } from './format-notices.js';
import { formatRunFacts, formatRunTitle } from './format-run-header.js';
import { formatSteps } from './format-steps.js';
import { formatTimeline } from './format-timeline.js';
import { formatVerificationBanner } from './format-verification-banner.js';
import { html, trustedHtml } from './html.js';
import { REPORT_CSS } from './report-css.js';

/** Nothing may load or run: no scripts at all, styles only inline, images only inline. */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * The HTML audit report: one self-contained file (inline CSS, no scripts, no
 * external assets) with the verification result first, then who/what/when/where,
 * each step and cell with its command and output (terminal colours as spans,
 * every other escape shown inert), edits as diffs, skips and aborts with
 * reasons, criteria, every decision, and the timeline. Every value from the run
 * is HTML-escaped. Pure.
 */
export function formatHtmlReport(record: RunRecord): string {
  const { start } = record;
  const page = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="litops ${start.toolVersion}">
<title>${start.runbook.title} · litops run ${start.runId}</title>
<style>${trustedHtml(REPORT_CSS)}</style>
</head>
<body>
${formatRunTitle(record)}
${formatVerificationBanner(record.verification)}
${formatRunFacts(record)}
<nav class="toc" aria-label="Contents"><a href="#steps">Steps and cells</a><a href="#criteria">Criteria</a><a href="#decisions">Decisions</a><a href="#timeline">Timeline</a></nav>
${formatNotices(record)}
${formatSteps(record)}
${formatCriteria(record)}
${formatDecisions(record.decisions)}
${formatTimeline(record)}
<footer>Made by litops ${start.toolVersion} from the run directory <code>${record.runDir}</code>. The run directory and its signatures are the evidence; this page is a view of them.</footer>
</body>
</html>
`;
  return page.value;
}
