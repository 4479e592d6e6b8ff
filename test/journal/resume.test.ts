import { appendFile, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSigner, openJournalForResume, verifyRunDir, type Signer } from '../../src/journal/index.js';
import type { RunEvent } from '../../src/model/events.js';
import { makeTempDir, writeRun } from './support/run-dirs.js';
import { buildCellEvents, buildSyntheticRun, createClock } from './support/synthetic-run.js';
import { createKeySigner, createTestKey, runSha256sumCheck, runSshKeygenVerify, type TestKey } from './support/test-keys.js';

let dir: string;
let key: TestKey;
let signer: Signer;
let runs = 0;

beforeAll(async () => {
  dir = await makeTempDir('litops-resume-');
  key = createTestKey(dir, 'alice@example.com');
  signer = await createKeySigner(key);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The synthetic run up to two output chunks into attempt 2 (cell `hello`, retried): cut there. */
function buildCutRun(): RunEvent[] {
  const events = buildSyntheticRun();
  const start = events.findIndex((event) => event.type === 'cell.start' && event.attempt === 2);
  return events.slice(0, start + 1).concat([{ type: 'cell.output', ts: '2025-01-02T03:04:09.000Z', attempt: 2, cell: 'hello', stream: 'stdout', data: 'hello, wor' }]);
}

/** The rest of a run after a resume: `hello` again, `count-users`, and the end. */
function buildRestOfRun(firstAttempt: number): RunEvent[] {
  const now = createClock('2025-01-02T05:00:00.000Z');
  const ts = () => now().toISOString();
  return [
    ...buildCellEvents(now, { attempt: firstAttempt, cell: 'hello', step: 'say-hello', lang: 'shell', outputs: [['stdout', 'hello, world\n']] }),
    { type: 'step.end', ts: ts(), step: 'say-hello', status: 'passed' },
    { type: 'step.start', ts: ts(), step: 'count-users', title: 'Count users', procedure: 'nightly-check' },
    ...buildCellEvents(now, { attempt: firstAttempt + 1, cell: 'count-users', step: 'count-users', lang: 'sql', statements: [], outputs: [['stdout', '42\n']] }),
    { type: 'step.end', ts: ts(), step: 'count-users', status: 'passed' },
    { type: 'run.end', ts: ts(), status: 'passed', exitCode: 0, durationMs: 1000, counts: { passed: 2, failed: 1, skipped: 0, notRun: 0 }, reason: 'every cell ran and every check passed' },
  ];
}

async function expectStockToolsPass(runDir: string): Promise<void> {
  expect(runSha256sumCheck(runDir)).toMatchObject({ status: 0 });
  const verified = runSshKeygenVerify({ allowedSignersPath: key.allowedSignersPath, principal: key.principal, signaturePath: join(runDir, 'SHA256SUMS.sig'), data: await readFile(join(runDir, 'SHA256SUMS')) });
  expect(verified.status, verified.output).toBe(0);
}

const lineCount = async (runDir: string) => (await readFile(join(runDir, 'events.jsonl'), 'utf8')).split('\n').length - 1;

describe('a run cut off mid-cell (killed, with a torn last line)', () => {
  let runDir: string;
  const torn = '{"seq":9,"ts":"2025-01-02T03:04:10.000Z","type":"cell.e';

  beforeAll(async () => {
    runDir = join(dir, `run-${++runs}`);
    await writeRun(runDir, signer, buildCutRun(), { finish: false });
    // The process died while writing a line.
    await appendFile(join(runDir, 'events.jsonl'), torn);
  });

  it('verifies as incomplete (exit 4), saying through which seq and checkpoint it is intact', async () => {
    const report = await verifyRunDir(runDir, { allowedSigners: key.allowedSigners });
    const lines = (await readFile(join(runDir, 'events.jsonl'), 'utf8')).split('\n');
    const checkpointSeq = lines.findLastIndex((line) => line.includes('"type":"checkpoint"'));
    expect(report).toMatchObject({ status: 'incomplete', exitCode: 4, intactThrough: { seq: lines.length - 2, checkpointSeq } });
    expect(report.problems[0]).toBe(`intact through seq ${lines.length - 2}; signed up to the checkpoint at seq ${checkpointSeq}`);
    const why = report.problems.join('\n');
    expect(why).toMatch(new RegExp(`events\\.jsonl line ${lines.length}: cut off mid-write`));
    expect(why).toMatch(/no run\.end after seq \d+: the run was cut off/);
    expect(why).toMatch(/SHA256SUMS: missing/);
    expect(why).toMatch(/out\/2\.cast, out\/2\.stderr, out\/2\.stdout: left by a cut-off attempt/);
  });

  it('resumes: keeps the torn line, records the cut-off attempt, continues the chain, and ends valid', async () => {
    const before = await lineCount(runDir);
    const { journal, state } = await openJournalForResume(runDir, signer, { now: createClock('2025-01-02T05:00:00.000Z') });
    expect(state.finishedCells).toEqual(new Map([['hello', 'failed']]));
    expect(state.interruptedCell).toEqual({ cell: 'hello', step: 'say-hello', attempt: 2 });
    expect(state.lastAttempt).toBe(2);
    expect(state.lastSeq).toBe(before - 1);
    expect(state.resumeSeq).toBe(before);
    expect(state.decisions.map((decision) => decision.action)).toEqual(['retry']);
    expect(state.runStart).toMatchObject({ type: 'run.start', principal: 'alice@example.com', keyFingerprint: signer.fingerprint });
    expect(Buffer.from(state.runbookBytes).toString('utf8')).toMatch(/^# Nightly check/);
    expect(await readFile(join(runDir, 'events.jsonl.torn-1'), 'utf8')).toBe(torn);

    const resume = JSON.parse((await readFile(join(runDir, 'events.jsonl'), 'utf8')).split('\n').at(-2)!) as Record<string, any>;
    expect(resume).toMatchObject({ seq: before, type: 'run.resume', previousSeq: before - 1, reason: expect.any(String), resumedAt: resume.ts, keyFingerprint: signer.fingerprint });
    expect(resume.tornLines).toEqual([{ path: 'events.jsonl.torn-1', bytes: torn.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(resume.interruptedCells).toEqual([{ attempt: 2, cell: 'hello', step: 'say-hello', files: [expect.objectContaining({ path: 'out/2.cast' }), expect.objectContaining({ path: 'out/2.stderr', bytes: 0 }), expect.objectContaining({ path: 'out/2.stdout', bytes: 10 })] }]);

    await expect(journal.sink(buildRestOfRun(2)[0]!)).rejects.toMatchObject({ code: 'journal-order', message: expect.stringMatching(/attempt 2 is not numbered after attempt 2/) });
  });

  it('after the resumed run finishes, the whole log is valid and stock tools agree', async () => {
    const runDir2 = join(dir, `run-${++runs}`);
    await writeRun(runDir2, signer, buildCutRun(), { finish: false });
    await appendFile(join(runDir2, 'events.jsonl'), torn);
    const { journal, state } = await openJournalForResume(runDir2, signer);
    for (const event of buildRestOfRun(state.lastAttempt + 1)) await journal.sink(event);
    await journal.finish();
    const report = await verifyRunDir(runDir2, { allowedSigners: key.allowedSigners });
    expect(report.problems).toEqual([]);
    expect(report.status).toBe('valid');
    expect(report.checked.join('\n')).toMatch(/out files: 14 recorded files/);
    await expectStockToolsPass(runDir2);
    expect((await readFile(join(runDir2, 'SHA256SUMS'), 'utf8')).split('\n').map((line) => line.slice(66))).toContain('events.jsonl.torn-1');
  });
});

describe('a run the operator interrupted (abort)', () => {
  it('is signed as it stands, verifies as incomplete, then resumes to a valid log', async () => {
    const runDir = join(dir, `run-${++runs}`);
    const journal = await writeRun(runDir, signer, buildCutRun(), { finish: false });
    await journal.abort('the operator quit');
    await expect(journal.sink(buildRestOfRun(3)[0]!)).rejects.toMatchObject({ code: 'journal-order' });
    await expectStockToolsPass(runDir);
    const cut = await verifyRunDir(runDir, { allowedSigners: key.allowedSigners });
    expect(cut).toMatchObject({ status: 'incomplete', exitCode: 4 });
    expect(cut.problems.join('\n')).toMatch(/no run\.end after seq/);
    expect(cut.problems.join('\n')).toMatch(/out\/2\.cast, out\/2\.stderr, out\/2\.stdout: left by a cut-off attempt, not recorded by any line; SHA256SUMS covers them/);
    expect(cut.checked.join('\n')).toMatch(/SHA256SUMS\.sig: a valid SSH signature/);
    const last = JSON.parse((await readFile(join(runDir, 'events.jsonl'), 'utf8')).split('\n').at(-2)!) as Record<string, unknown>;
    expect(last).toMatchObject({ type: 'run.notice', level: 'warning', message: expect.stringMatching(/^the run was interrupted \(the operator quit\); the log is signed without run.end/) });

    const { journal: resumed, state } = await openJournalForResume(runDir, signer, { reason: 'operator resumed' });
    await expect(stat(join(runDir, 'SHA256SUMS'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(stat(join(runDir, 'SHA256SUMS.sig'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(state.interruptedCell).toMatchObject({ cell: 'hello', attempt: 2 });
    for (const event of buildRestOfRun(state.lastAttempt + 1)) await resumed.sink(event);
    await resumed.finish();
    expect(await verifyRunDir(runDir, { allowedSigners: key.allowedSigners })).toMatchObject({ status: 'valid', exitCode: 0 });
    await expectStockToolsPass(runDir);
  });

  it('resumes a run that ended as interrupted (run.end written, then finish)', async () => {
    const runDir = join(dir, `run-${++runs}`);
    const interrupted: RunEvent = { type: 'run.end', ts: '2025-01-02T03:05:00.000Z', status: 'interrupted', exitCode: 130, durationMs: 5, counts: { passed: 0, failed: 1, skipped: 0, notRun: 2 }, reason: 'interrupted by the operator' };
    const events = buildCutRun().slice(0, -2);
    await writeRun(runDir, signer, [...events, interrupted]);
    expect((await verifyRunDir(runDir)).status).toBe('valid');
    const { journal, state } = await openJournalForResume(runDir, signer);
    expect(state.interruptedCell).toBeNull();
    for (const event of buildRestOfRun(state.lastAttempt + 1)) await journal.sink(event);
    await journal.finish();
    expect(await verifyRunDir(runDir, { allowedSigners: key.allowedSigners })).toMatchObject({ status: 'valid', exitCode: 0 });
  });
});

describe('openJournalForResume', () => {
  it('refuses a tampered log, naming the problem', async () => {
    const runDir = join(dir, `run-${++runs}`);
    await writeRun(runDir, signer, buildCutRun(), { finish: false });
    await appendFile(join(runDir, 'out/1.stdout'), 'planted');
    await expect(openJournalForResume(runDir, signer)).rejects.toMatchObject({ name: 'LitopsError', code: 'journal-tampered', message: expect.stringMatching(/out\/1\.stdout: \d+ bytes, but cell\.end/) });
  });

  it('refuses a run that ended', async () => {
    const runDir = join(dir, `run-${++runs}`);
    await writeRun(runDir, signer, buildSyntheticRun());
    await expect(openJournalForResume(runDir, signer)).rejects.toMatchObject({ code: 'resume-run-ended' });
  });

  it('records a different resuming key, and says the run is unsigned when that key is ephemeral', async () => {
    const runDir = join(dir, `run-${++runs}`);
    await writeRun(runDir, signer, buildCutRun(), { finish: false });
    const ephemeral = await createSigner({ env: { HOME: join(dir, 'no-home'), XDG_CONFIG_HOME: join(dir, 'no-home') } });
    expect(ephemeral.ephemeral).toBe(true);
    const { journal, state } = await openJournalForResume(runDir, ephemeral);
    for (const event of buildRestOfRun(state.lastAttempt + 1)) await journal.sink(event);
    await journal.finish();
    const report = await verifyRunDir(runDir);
    expect(report).toMatchObject({ status: 'unsigned', exitCode: 4, signer: { principal: 'alice@example.com', ephemeral: false } });
    expect(report.problems[0]).toMatch(new RegExp(`signed with an ephemeral key \\(${ephemeral.fingerprint.replace(/[+/]/g, '\\$&')}\\)`));
    // Only alice is allowed: the resumed part's key is not.
    const strict = await verifyRunDir(runDir, { allowedSigners: key.allowedSigners });
    expect(strict).toMatchObject({ status: 'tampered', exitCode: 1, problems: [expect.stringMatching(/may not sign with .* \(run\.resume, events\.jsonl line \d+\)/)] });
  });

  it('continues a run that died between a cell.end and its checkpoint', async () => {
    const runDir = join(dir, `run-${++runs}`);
    const events = buildCutRun();
    await writeRun(runDir, signer, events.slice(0, events.findIndex((event) => event.type === 'cell.end') + 1), { finish: false });
    const text = await readFile(join(runDir, 'events.jsonl'), 'utf8');
    await writeFile(join(runDir, 'events.jsonl'), text.slice(0, text.lastIndexOf('{"seq"')));
    const cut = await verifyRunDir(runDir);
    expect(cut).toMatchObject({ status: 'incomplete', intactThrough: { seq: 3, checkpointSeq: null } });
    const { journal, state } = await openJournalForResume(runDir, signer);
    expect(state.finishedCells).toEqual(new Map([['hello', 'failed']]));
    for (const event of buildRestOfRun(state.lastAttempt + 1)) await journal.sink(event);
    await journal.finish();
    expect(await verifyRunDir(runDir)).toMatchObject({ status: 'valid', exitCode: 0 });
  });

  it('numbers after out files whose cell.start line was lost, and records them', async () => {
    const runDir = join(dir, `run-${++runs}`);
    const events = buildCutRun();
    await writeRun(runDir, signer, events.slice(0, events.findIndex((event) => event.type === 'cell.start' && event.attempt === 2)), { finish: false });
    await appendFile(join(runDir, 'out/2.stdout'), 'orphan');
    expect((await verifyRunDir(runDir)).status).toBe('incomplete');
    const { journal, state } = await openJournalForResume(runDir, signer);
    expect(state.lastAttempt).toBe(2);
    expect(state.interruptedCells).toEqual([{ attempt: 2, cell: null, step: null, files: [expect.objectContaining({ path: 'out/2.stdout', bytes: 6 })] }]);
    for (const event of buildRestOfRun(3)) await journal.sink(event);
    await journal.finish();
    expect((await verifyRunDir(runDir)).status).toBe('valid');
    expect(await readdir(join(runDir, 'out'))).toContain('2.stdout');
  });
});
