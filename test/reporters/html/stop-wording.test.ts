import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJournalForResume, type Signer } from '../../../src/journal/index.js';
import type { RunEvent } from '../../../src/model/events.js';
import { formatHtmlReport } from '../../../src/reporters/html/index.js';
import { formatMarkdownReport } from '../../../src/reporters/markdown/index.js';
import { loadRunRecord } from '../../../src/reporters/run-record/index.js';
import { makeTempDir, writeRun } from '../../journal/support/run-dirs.js';
import { buildCellEvents, buildSyntheticRun, createClock } from '../../journal/support/synthetic-run.js';
import { createKeySigner, createTestKey } from '../../journal/support/test-keys.js';

let dir: string;
let signer: Signer;
beforeAll(async () => {
  dir = await makeTempDir('litops-stop-wording-');
  signer = await createKeySigner(createTestKey(dir, 'alice@example.com'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The synthetic run up to its first cell's end: where the operator quit. */
function buildQuitRun(): RunEvent[] {
  const events = buildSyntheticRun();
  return events.slice(0, events.findIndex((event) => event.type === 'cell.end') + 1);
}

describe('a run the operator quit (q), then resumed to its end', () => {
  it('the log and the reports say the operator quit and the run was resumed after it was interrupted; not aborted, not cut off', async () => {
    const runDir = join(dir, 'quit');
    const journal = await writeRun(runDir, signer, buildQuitRun(), { finish: false });
    // What `litops run` in the terminal UI does on q: the log is signed without run.end, saying why.
    await journal.abort('the operator quit');
    const { journal: resumed, state } = await openJournalForResume(runDir, signer);
    const now = createClock('2025-01-02T05:00:00.000Z');
    for (const event of buildCellEvents(now, { attempt: state.lastAttempt + 1, cell: 'count-users', step: 'count-users', lang: 'sql', statements: [], outputs: [['stdout', '42\n']] })) await resumed.sink(event);
    await resumed.sink({ type: 'run.end', ts: now().toISOString(), status: 'passed', exitCode: 0, durationMs: 1000, counts: { passed: 2, failed: 0, skipped: 0, notRun: 0 }, reason: 'every cell ran and every check passed' });
    await resumed.finish();

    const lines = (await readFile(join(runDir, 'events.jsonl'), 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.find((line) => line.type === 'run.notice' && String(line.message).includes('signed without run.end'))?.message).toBe('the run was interrupted (the operator quit); the log is signed without run.end, and litops resume can continue it');
    expect(lines.find((line) => line.type === 'run.resume')?.reason).toBe('resumed after the run was interrupted (the operator quit)');

    const record = await loadRunRecord(runDir);
    for (const report of [formatHtmlReport(record), formatMarkdownReport(record)]) {
      expect(report).toContain('the run was interrupted (the operator quit)');
      expect(report).toContain('resumed after the run was interrupted (the operator quit)');
      expect(report).not.toMatch(/aborted|cut off/);
    }
  });

  it('a run killed mid-way is resumed "after the run was cut off", which is what its log shows', async () => {
    const runDir = join(dir, 'killed');
    await writeRun(runDir, signer, buildQuitRun(), { finish: false });
    const { journal } = await openJournalForResume(runDir, signer);
    await journal.abort();
    const resume = (await readFile(join(runDir, 'events.jsonl'), 'utf8')).split('\n').find((line) => line.includes('"run.resume"'))!;
    expect(JSON.parse(resume).reason).toMatch(/^resumed after the run was cut off \(its log ends without run\.end/);
  });
});
