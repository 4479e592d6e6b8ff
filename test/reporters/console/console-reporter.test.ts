import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../src/model/events.js';
import { loadSqlParser, parseRunbookSync } from '../../../src/parser/index.js';
import { createConsoleReporter } from '../../../src/reporters/index.js';
import { fixturesDir } from '../../parser/helpers.js';

const dir = join(fixturesDir, 'console', 'github-actions');
const ts = '2026-01-01T00:00:00.000Z';
const digest = { bytes: 3, sha256: '0'.repeat(64) };

/** A failed run with a skip, a passed and a failed criterion, and an unanswered one: fixed values, no clock or host. */
function buildEvents(criteria: [string, string]): RunEvent[] {
  const end = (cell: string, attempt: number, extra: Partial<Extract<RunEvent, { type: 'cell.end' }>>) =>
    ({ type: 'cell.end', ts, attempt, cell, status: 'passed', exitCode: 0, signal: null, durationMs: 12, expectations: [], error: null, capture: null, stdout: digest, stderr: digest, tail: '', session: null, ...extra }) as RunEvent;
  return [
    { type: 'run.start', ts, runId: '20260101-000000-disk-check-abcdef', runbook: { path: 'input.md', sha256: 'x'.repeat(64), title: 'Disk check' }, options: {}, inputs: {}, inputSources: {}, host: 'host-1', user: 'ops', toolVersion: '0.1.0', mode: 'ci', plan: ['measure', 'clean'] },
    { type: 'step.start', ts, step: 'procedure/measure', title: 'Measure', procedure: 'procedure' },
    end('measure', 1, { durationMs: 1500, tail: '91' }),
    { type: 'step.end', ts, step: 'procedure/measure', status: 'passed' },
    { type: 'step.start', ts, step: 'procedure/clean', title: 'Clean', procedure: 'procedure' },
    end('clean', 2, { status: 'failed', exitCode: 1, expectations: [{ passed: false, expected: 'exit == 0', actual: '1', source: 'exit == 0' }], tail: 'rm: cannot remove: Permission denied' }),
    { type: 'step.end', ts, step: 'procedure/clean', status: 'failed' },
    { type: 'criterion', ts, criterion: criteria[0], result: 'fail', by: 'check', evidence: 'measure value < 80: actual 91', note: null },
    { type: 'criterion', ts, criterion: criteria[1], result: 'unanswered', by: 'operator', evidence: null, note: null },
    { type: 'run.end', ts, status: 'failed', exitCode: 1, durationMs: 1520, counts: { passed: 1, failed: 1, skipped: 0, notRun: 0 }, reason: '1 cell failed, 1 criterion or answer failed' },
  ];
}

describe('the console reporter', () => {
  beforeAll(() => loadSqlParser());

  it('prints progress lines, GitHub groups and error annotations at the runbook line (fixture expected.txt, UPDATE=1 rewrites)', () => {
    const { runbook } = parseRunbookSync(readFileSync(join(dir, 'input.md'), 'utf8'), { path: 'runbooks/disk.md' });
    let out = '';
    const report = createConsoleReporter({ write: (text) => (out += text), runbook, githubActions: true });
    for (const event of buildEvents([runbook.criteria[0]!.id, runbook.criteria[1]!.id])) report(event);
    const file = join(dir, 'expected.txt');
    if (process.env.UPDATE === '1' || !existsSync(file)) writeFileSync(file, out);
    expect(out).toBe(readFileSync(file, 'utf8'));
    expect(out).toContain('::group::Measure');
    expect(out).toMatch(/^::error file=runbooks\/disk\.md,line=13,title=litops%3A clean::expected exit == 0, got 1$/m);
    expect(out).toMatch(/^::error file=runbooks\/disk\.md,line=19::criterion failed: Disk below 80%25$/m);
  });
});
