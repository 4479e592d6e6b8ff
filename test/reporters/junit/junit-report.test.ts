import { join } from 'node:path';
import { parse, type TestCase, type TestSuite, type TestSuites } from 'junit2json';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatJunitReport, loadRunRecord, type RunRecord } from '../../../src/reporters/index.js';
import { createFixtureRun, expectFixtureFile, listRunCases, normalizeText, RUNS_DIR } from '../run-record/fixture-runs.js';
import { INVALID_XML_CHAR } from './xml-chars.js';

const records = new Map<string, RunRecord>();
beforeAll(async () => {
  await Promise.all(listRunCases().map(async (name) => records.set(name, await loadRunRecord((await createFixtureRun(name)).runDir))));
}, 90_000);

/** The JUnit report of a fixture run, read back by a real JUnit consumer (junit2json). */
async function readReport(name: string): Promise<{ xml: string; suites: TestSuites }> {
  const xml = formatJunitReport(records.get(name)!);
  return { xml, suites: (await parse(xml)) as TestSuites };
}

/** `time="1.234"` attributes and the host as placeholders, then the shared text placeholders. */
function normalizeJunit(xml: string, record: RunRecord): string {
  return normalizeText(xml, record)
    .replace(/ time="[0-9.]+"/g, ' time="<duration>"')
    .replace(/ hostname="[^"]*"/g, ' hostname="<host>"');
}

function outcomeOf(testcase: TestCase): string {
  if (testcase.failure) return `failure: ${testcase.failure[0]!.message}`;
  if (testcase.error) return `error: ${testcase.error[0]!.message}`;
  if (testcase.skipped) return `skipped: ${testcase.skipped[0]!.message}`;
  return 'passed';
}

describe('formatJunitReport', () => {
  it.each(listRunCases())('%s matches report.junit.xml with times, ids, host and key as placeholders (UPDATE=1 rewrites)', (name) => {
    const record = records.get(name)!;
    const xml = formatJunitReport(record);
    expect(formatJunitReport(record)).toBe(xml);
    expect(xml).not.toMatch(INVALID_XML_CHAR);
    expect(xml).not.toContain('\u001b');
    expectFixtureFile(join(RUNS_DIR, name), 'report.junit.xml', normalizeJunit(xml, record));
  });

  it.each(listRunCases())('%s: the totals of <testsuites> and of each <testsuite> are what their testcases say', async (name) => {
    const { suites } = await readReport(name);
    const all = suites.testsuite!.flatMap((suite) => suite.testcase ?? []);
    const count = (cases: TestCase[]) => ({
      tests: cases.length,
      failures: cases.filter((c) => c.failure).length,
      errors: cases.filter((c) => c.error).length,
      time: Number(cases.reduce((sum, c) => sum + (c.time ?? 0), 0).toFixed(3)),
    });
    expect({ tests: suites.tests, failures: suites.failures, errors: suites.errors, time: suites.time }).toEqual(count(all));
    for (const suite of suites.testsuite!) {
      const cases = suite.testcase ?? [];
      expect({ tests: suite.tests, failures: suite.failures, errors: suite.errors, time: suite.time }).toEqual(count(cases));
      expect(suite.skipped).toBe(cases.filter((c) => c.skipped).length);
    }
  });

  it('a passing run: one suite per procedure, a testcase per cell and per criterion, the run in <properties>', async () => {
    const { suites } = await readReport('passing');
    const record = records.get('passing')!;
    expect(suites).toMatchObject({ name: 'Greeting check', tests: 3, failures: 0, errors: 0 });
    const [suite] = suites.testsuite as [TestSuite];
    expect(suite.name).toBe('greeting-check');
    expect(suite.testcase!.map((c) => [c.classname, c.name, outcomeOf(c)])).toEqual([
      ['greeting-check', 'hello', 'passed'],
      ['greeting-check', 'count-lines', 'passed'],
      ['greeting-check', 'criterion greeting-check/two-lines-were-counted', 'passed'],
    ]);
    const properties = Object.fromEntries(suite.properties!.map((p) => [p.name, p.value]));
    expect(properties).toMatchObject({
      'litops.runId': record.start.runId,
      'litops.principal': 'tester@example.com',
      'litops.keyFingerprint': record.start.keyFingerprint,
      'litops.verification': 'valid',
      'litops.status': 'passed (exit 0)',
    });
  });

  it('a failing run: the failed expectation with expected and actual, the output tail, skips with their reasons', async () => {
    const { suites } = await readReport('failing');
    expect(suites).toMatchObject({ tests: 6, failures: 2, errors: 0 });
    const cases = suites.testsuite![0]!.testcase!;
    expect(cases.map((c) => [c.name, outcomeOf(c)])).toEqual([
      ['prepare', 'passed'],
      ['optional-cleanup', 'skipped: skip attribute (excludeFromRunAll)'],
      ['check-service', 'failure: expected stdout contains "ready", actual "\\u001b[31mservice down\\u001b[0m <status> & \\"quotes\\" ]]> \\u0001 done\\n"'],
      ['deploy', 'skipped: not run: the run ended before it'],
      ['criterion failing-deploy/the-service-is-ready', 'failure: check-service stdout contains "ready": actual "\\u001b[31mservice down\\u001b[0m <status> & \\"quotes\\" ]]> \\u0001 done\\n"'],
      ['criterion failing-deploy/someone-looked-at-the-dashboard', 'skipped: unanswered: needs a person'],
    ]);
    const failure = cases[2]!.failure![0]!;
    expect(failure.type).toBe('failed');
    // The tail: ANSI colours gone, the control character replaced, the CDATA end kept as text.
    expect(failure.inner).toContain('service down <status> & "quotes" ]]> \uFFFD done\n\nto stderr');
    expect(failure.inner).toContain('FAIL stdout contains "ready"');
    expect(failure.inner).toContain('runbook line 21');
  });

  it('a SQL run: its cells and both criteria pass', async () => {
    const { suites } = await readReport('sql-criteria');
    expect(suites.testsuite!.map((suite) => suite.name)).toEqual(['orders-check']);
    expect(suites.testsuite![0]!.testcase!.map((c) => [c.name, outcomeOf(c)])).toEqual([
      ['failed-orders', 'passed'],
      ['answer', 'passed'],
      ['criterion orders-check/exactly-one-failed-order', 'passed'],
      ['criterion orders-check/the-answer-is-42', 'passed'],
    ]);
  });
});
