import type { RunRecord } from '../run-record/index.js';
import { buildJunitSuites } from './build-junit-suites.js';
import { escapeXmlAttribute as attr, escapeXmlText, formatCdata } from './escape-xml.js';
import { countJunitCases, type JunitCase, type JunitSuite, type JunitTotals } from './junit-model.js';

/**
 * The JUnit XML report of a run: `<testsuites>` with a `<testsuite>` per
 * procedure and a `<testcase>` per cell and per criterion (see
 * `buildJunitSuites`). Pure; valid XML 1.0 whatever the output held.
 */
export function formatJunitReport(record: RunRecord): string {
  const suites = buildJunitSuites(record);
  const totals = countJunitCases(suites.flatMap((suite) => suite.cases));
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="${attr(record.start.runbook.title)}" ${formatTotals(totals)}>`];
  suites.forEach((suite, index) => lines.push(...formatSuite(suite, index)));
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

function formatSuite(suite: JunitSuite, index: number): string[] {
  const totals = countJunitCases(suite.cases);
  return [
    `  <testsuite name="${attr(suite.name)}" id="${index}" ${formatTotals(totals)} timestamp="${attr(suite.timestamp)}" hostname="${attr(suite.hostname)}">`,
    '    <properties>',
    ...suite.properties.map(([name, value]) => `      <property name="${attr(name)}" value="${attr(value)}"/>`),
    '    </properties>',
    ...suite.cases.flatMap(formatCase),
    '  </testsuite>',
  ];
}

function formatCase(testcase: JunitCase): string[] {
  const open = `    <testcase classname="${attr(testcase.classname)}" name="${attr(testcase.name)}" time="${formatTime(testcase.time)}"`;
  const inner: string[] = [];
  const { outcome } = testcase;
  if (outcome?.kind === 'skipped') inner.push(`      <skipped message="${attr(outcome.message)}"/>`);
  else if (outcome) inner.push(`      <${outcome.kind} message="${attr(outcome.message)}" type="${attr(outcome.type)}">${formatCdata(outcome.body)}</${outcome.kind}>`);
  if (testcase.systemOut !== null) inner.push(`      <system-out>${escapeXmlText(testcase.systemOut)}</system-out>`);
  return inner.length ? [`${open}>`, ...inner, '    </testcase>'] : [`${open}/>`];
}

function formatTotals(totals: JunitTotals): string {
  return `tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" skipped="${totals.skipped}" time="${formatTime(totals.time)}"`;
}

/** Seconds with millisecond precision, as JUnit readers expect. */
function formatTime(seconds: number): string {
  return seconds.toFixed(3);
}
