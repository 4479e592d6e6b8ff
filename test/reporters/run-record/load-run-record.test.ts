import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/model/errors.js';
import { loadRunRecord, type RunRecord } from '../../../src/reporters/index.js';
import { createFixtureRun, FIXTURE_PRINCIPAL, type FixtureRun } from './fixture-runs.js';

describe('loadRunRecord on real run directories', () => {
  let passing: FixtureRun;
  let failing: FixtureRun;
  let sql: FixtureRun;
  beforeAll(async () => {
    [passing, failing, sql] = await Promise.all([createFixtureRun('passing'), createFixtureRun('failing'), createFixtureRun('sql-criteria')]);
  }, 90_000);

  it('verifies first and carries the report, the signer and the parsed runbook', async () => {
    const record = await loadRunRecord(passing.runDir);
    expect(record.runDir).toBe(passing.runDir);
    expect(record.verification.status).toBe('valid');
    expect(record.start).toMatchObject({ type: 'run.start', principal: FIXTURE_PRINCIPAL, ephemeralKey: false, gitCommit: null, runbook: { path: 'runbook.md', title: 'Greeting check' } });
    expect(record.start.publicKey).toMatch(/^ssh-ed25519 /);
    expect(record.runbook.title).toBe('Greeting check');
    expect(record.runbook.path).toBe('runbook.md');
    expect(Buffer.from(record.runbookBytes).equals(readFileSync(join(passing.caseDir, 'runbook.md')))).toBe(true);
    expect(record.end).toMatchObject({ status: 'passed', exitCode: 0 });
    expect(record.resumes).toEqual([]);
    expect(record.events.map((event) => event.seq)).toEqual(record.events.map((_, index) => index));
    expect(record.events.some((event) => event.type === 'checkpoint')).toBe(true);
  });

  it('gives every cell its runbook cell, attempts with output, and status', async () => {
    const record = await loadRunRecord(passing.runDir);
    expect(record.cells.map((cell) => [cell.id, cell.status, cell.attempts.length])).toEqual([
      ['hello', 'passed', 1],
      ['count-lines', 'passed', 1],
    ]);
    const [hello] = record.cells;
    expect(hello!.cell?.line).toBe(10);
    expect(hello!.attempts[0]).toMatchObject({ attempt: 1, cellId: 'hello', stdout: 'hello world\n', stderr: '', truncated: false, sql: null, edited: false });
    expect(hello!.attempts[0]!.end).toMatchObject({ status: 'passed', exitCode: 0 });
    expect(record.criteria).toEqual([expect.objectContaining({ id: 'greeting-check/two-lines-were-counted', event: expect.objectContaining({ result: 'pass', by: 'check' }) })]);
    expect(record.criteria[0]!.criterion?.check).toBe('count-lines value == 2');
  });

  it('orders a skipped cell where the runbook has it, and lists cells the run never reached', async () => {
    const record = await loadRunRecord(failing.runDir);
    expect(record.cells.map((cell) => [cell.id, cell.status])).toEqual([
      ['prepare', 'passed'],
      ['optional-cleanup', 'skipped'],
      ['check-service', 'failed'],
      ['deploy', 'not-run'],
    ]);
    const skipped = record.cells[1]!;
    expect(skipped.attempts).toEqual([]);
    expect(skipped.decisions).toEqual([expect.objectContaining({ action: 'skip', by: 'policy', reason: 'skip attribute (excludeFromRunAll)' })]);
    expect(record.decisions).toHaveLength(1);
    const failed = record.cells[2]!.attempts[0]!;
    expect(failed.stdout).toContain('service down');
    expect(failed.stderr).toBe('to stderr\n');
    expect(failed.end?.expectations.find((expectation) => !expectation.passed)?.expected).toBe('stdout contains "ready"');
    expect(record.criteria.map((criterion) => [criterion.id, criterion.event?.result])).toEqual([
      ['failing-deploy/the-service-is-ready', 'fail'],
      ['failing-deploy/someone-looked-at-the-dashboard', 'unanswered'],
    ]);
    expect(record.end).toMatchObject({ status: 'failed', exitCode: 1 });
  });

  it('reads the SQL results of each statement', async () => {
    const record = await loadRunRecord(sql.runDir);
    const answer = record.cells.find((cell) => cell.id === 'answer')!.attempts[0]!;
    expect(answer.sql?.map((statement) => [statement.command, statement.rowCount, statement.rows])).toEqual([
      ['SELECT', 1, [['ok']]],
      ['SELECT', 1, [[42]]],
    ]);
    expect(answer.sql?.[1]?.columns).toEqual([{ name: 'answer', type: expect.any(String) }]);
    expect(record.criteria.map((criterion) => criterion.event?.result)).toEqual(['pass', 'pass']);
  });

  it('reads a crashed run as far as it goes: no run.end, the cut-off attempt without an end, a torn line ignored', async () => {
    const runDir = copyRunDir(passing.runDir);
    const lines = readFileSync(join(runDir, 'events.jsonl'), 'utf8').split('\n');
    const cut = lines.findIndex((line) => line.includes('"type":"cell.start"') && line.includes('"cell":"count-lines"'));
    writeFileSync(join(runDir, 'events.jsonl'), `${lines.slice(0, cut + 1).join('\n')}\n{"seq":99,"ts":"2026-`);
    const record = await loadRunRecord(runDir);
    expect(record.verification.status).not.toBe('valid');
    expect(record.end).toBeNull();
    expect(record.events).toHaveLength(cut + 1);
    expect(record.cells.map((cell) => [cell.id, cell.status])).toEqual([
      ['hello', 'passed'],
      ['count-lines', 'cancelled'],
    ]);
    expect(record.cells[1]!.attempts[0]!.end).toBeNull();
    expect(record.criteria.map((criterion) => criterion.event)).toEqual([null]);
  });

  it('keeps at most 1 MiB of an out file and says it was cut, without splitting a character', async () => {
    const runDir = copyRunDir(passing.runDir);
    writeFileSync(join(runDir, 'out', '1.stdout'), `${'x'.repeat(1024 * 1024 - 1)}é and more`);
    const record: RunRecord = await loadRunRecord(runDir);
    const attempt = record.cells[0]!.attempts[0]!;
    expect(record.verification.status).toBe('tampered');
    expect(attempt.truncated).toBe(true);
    expect(attempt.stdout).toBe('x'.repeat(1024 * 1024 - 1));
  });

  it('throws a UsageError for a missing directory and for one that holds nothing of a run', async () => {
    await expect(loadRunRecord('/nonexistent/run')).rejects.toBeInstanceOf(UsageError);
    const empty = mkdtempSync(join(tmpdir(), 'litops-empty-run-'));
    await expect(loadRunRecord(empty)).rejects.toMatchObject({ code: 'not-a-run-dir', exitCode: 2 });
    await expect(loadRunRecord(empty)).rejects.toBeInstanceOf(UsageError);
  });
});

function copyRunDir(runDir: string): string {
  const copy = join(mkdtempSync(join(tmpdir(), 'litops-run-copy-')), 'run');
  mkdirSync(copy);
  cpSync(runDir, copy, { recursive: true });
  return copy;
}
