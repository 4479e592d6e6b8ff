import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RunReportSchema, type RunReport } from '../../../src/model/report.js';
import { formatJsonReport, loadRunRecord, type RunRecord } from '../../../src/reporters/index.js';
import { createFixtureRun, expectFixtureFile, listRunCases, normalizeJson, RUNS_DIR } from '../run-record/fixture-runs.js';

const records = new Map<string, RunRecord>();
beforeAll(async () => {
  await Promise.all(listRunCases().map(async (name) => records.set(name, await loadRunRecord((await createFixtureRun(name)).runDir))));
}, 90_000);

/** The report of a fixture run, validated against the public schema (no key missing, none extra). */
function reportOf(name: string): RunReport {
  const text = formatJsonReport(records.get(name)!);
  const value: unknown = JSON.parse(text);
  expect(RunReportSchema.parse(value)).toEqual(value);
  return value as RunReport;
}

describe('formatJsonReport', () => {
  it.each(listRunCases())('%s matches report.json with times, ids, host and key as placeholders (UPDATE=1 rewrites)', (name) => {
    const record = records.get(name)!;
    const text = formatJsonReport(record);
    expect(text.endsWith('}\n')).toBe(true);
    expect(formatJsonReport(record)).toBe(text);
    expectFixtureFile(join(RUNS_DIR, name), 'report.json', `${JSON.stringify(normalizeJson(JSON.parse(text), record), null, 2)}\n`);
  });

  it('summarises a passing run: who, what, where, how it ended, counts, verification', () => {
    const report = reportOf('passing');
    const record = records.get('passing')!;
    expect(report.summary).toMatchObject({
      runbook: { path: 'runbook.md', title: 'Greeting check', sha256: record.runbook.sha256 },
      runId: record.start.runId,
      principal: 'tester@example.com',
      keyFingerprint: record.start.keyFingerprint,
      ephemeralKey: false,
      host: record.start.host,
      startedAt: record.start.ts,
      endedAt: record.end!.ts,
      status: 'passed',
      exitCode: 0,
      counts: { cells: { total: 2, passed: 2, failed: 0, skipped: 0, notRun: 0 }, attempts: 2, criteria: { total: 1, passed: 1, failed: 0, notApplicable: 0, open: 0 } },
    });
    expect(report.verification).toMatchObject({ status: 'valid', exitCode: 0, problems: [] });
    expect(report.steps.map((step) => [step.id, step.status, step.cells])).toEqual([
      ['greeting-check/say-hello', 'passed', ['hello']],
      ['greeting-check/count-the-lines', 'passed', ['count-lines']],
    ]);
    const hello = report.cells[0]!.attempts[0]!;
    expect(hello).toMatchObject({ status: 'passed', exitCode: 0, stdout: { bytes: 12 }, stderr: { bytes: 0, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' } });
    expect(hello.expectations.map((expectation) => expectation.expected)).toEqual(['exit == 0', 'stdout contains "hello"']);
  });

  it('says why cells failed, were skipped or never ran, and which criteria failed or wait for a person', () => {
    const report = reportOf('failing');
    expect(report.summary).toMatchObject({ status: 'failed', exitCode: 1, counts: { cells: { total: 4, passed: 1, failed: 1, skipped: 1, notRun: 1 }, criteria: { total: 2, failed: 1, open: 1 } } });
    expect(report.cells.map((cell) => [cell.id, cell.status, cell.skipReason])).toEqual([
      ['prepare', 'passed', null],
      ['optional-cleanup', 'skipped', 'skip attribute (excludeFromRunAll)'],
      ['check-service', 'failed', null],
      ['deploy', 'not-run', null],
    ]);
    expect(report.cells[2]!.attempts[0]!.expectations.find((expectation) => !expectation.passed)).toMatchObject({ expected: 'stdout contains "ready"', passed: false });
    expect(report.steps.map((step) => [step.id, step.status])).toEqual([
      ['failing-deploy/prepare', 'passed'],
      ['failing-deploy/check-the-service', 'failed'],
      ['failing-deploy/deploy', 'not-run'],
    ]);
    expect(report.criteria.map((criterion) => [criterion.id, criterion.result, criterion.by])).toEqual([
      ['failing-deploy/the-service-is-ready', 'fail', 'check'],
      ['failing-deploy/someone-looked-at-the-dashboard', 'unanswered', 'operator'],
    ]);
    expect(report.decisions).toEqual([expect.objectContaining({ action: 'skip', cell: 'optional-cleanup', by: 'policy' })]);
  });

  it('lists the statements of SQL cells without their rows', () => {
    const report = reportOf('sql-criteria');
    const answer = report.cells.find((cell) => cell.id === 'answer')!;
    expect(answer.lang).toBe('sql');
    expect(answer.attempts[0]!.sql?.map((statement) => [statement.index, statement.command, statement.rowCount, statement.error])).toEqual([
      [0, 'SELECT', 1, null],
      [1, 'SELECT', 1, null],
    ]);
    expect(report.criteria.map((criterion) => [criterion.check, criterion.result])).toEqual([
      ['failed-orders rows == 1', 'pass'],
      ['answer value == 42', 'pass'],
    ]);
  });
});
