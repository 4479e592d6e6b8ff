import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJournal, formatEventLine, verifyRunDir, verifySshSignature, type Signer } from '../../src/journal/index.js';
import type { RunEvent } from '../../src/model/events.js';
import { makeTempDir, writeRun } from './support/run-dirs.js';
import { buildSyntheticRun, createClock, RUNBOOK_BYTES } from './support/synthetic-run.js';
import { createKeySigner, createTestKey, runSha256sumCheck, runSshKeygenVerify, writeSignatureFile, type TestKey } from './support/test-keys.js';

let dir: string;
let key: TestKey;
let signer: Signer;
let runDir: string;
let events: RunEvent[];

beforeAll(async () => {
  dir = await makeTempDir();
  key = createTestKey(dir, 'alice@example.com');
  signer = await createKeySigner(key);
  runDir = join(dir, 'runs', '20250102-030405-nightly-check-a1b2c3');
  events = buildSyntheticRun();
  await writeRun(runDir, signer, events);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');
const readLines = async () => (await readFile(join(runDir, 'events.jsonl'), 'utf8')).split('\n').slice(0, -1);

describe('createJournal', () => {
  it('writes a run directory that verifies as valid and complete', async () => {
    const report = await verifyRunDir(runDir, { allowedSigners: key.allowedSigners, runbookBytes: RUNBOOK_BYTES });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ status: 'valid', exitCode: 0, signer: { principal: 'alice@example.com', fingerprint: signer.fingerprint, ephemeral: false } });
    const lines = await readLines();
    expect(report.intactThrough).toEqual({ seq: lines.length - 1, checkpointSeq: lines.findLastIndex((line) => line.includes('"type":"checkpoint"')) });
    expect(report.checked.join('\n')).toMatch(/allowed signers: alice@example.com may sign/);
  });

  it('passes `sha256sum -c SHA256SUMS` and `ssh-keygen -Y verify` with stock tools', async () => {
    const sums = runSha256sumCheck(runDir);
    expect(sums.output).not.toMatch(/FAILED|WARNING/);
    expect(sums.status).toBe(0);
    const verified = runSshKeygenVerify({ allowedSignersPath: key.allowedSignersPath, principal: key.principal, signaturePath: join(runDir, 'SHA256SUMS.sig'), data: await readFile(join(runDir, 'SHA256SUMS')) });
    expect(verified.output).toMatch(/Good "litops" signature for alice@example.com/);
    expect(verified.status).toBe(0);
  });

  it('lists runbook.md, events.jsonl and every out file in SHA256SUMS, sorted, in sha256sum format', async () => {
    const sums = await readFile(join(runDir, 'SHA256SUMS'), 'utf8');
    const out = (await readdir(join(runDir, 'out'))).map((name) => `out/${name}`);
    const paths = ['events.jsonl', ...out, 'runbook.md'].sort();
    expect(sums.split('\n').slice(0, -1).map((line) => line.slice(66))).toEqual(paths);
    for (const line of sums.split('\n').slice(0, -1)) expect(line).toMatch(/^[0-9a-f]{64} {2}\S+$/);
    expect(out.sort()).toEqual(['out/1.cast', 'out/1.stderr', 'out/1.stdout', 'out/2.cast', 'out/2.stderr', 'out/2.stdout', 'out/3.cast', 'out/3.result.json', 'out/3.stderr', 'out/3.stdout']);
  });

  it('writes every event but output and statements as a chained line: seq, ts, type, prev first, the rest sorted', async () => {
    const lines = await readLines();
    const written = events.filter((event) => event.type !== 'cell.output' && event.type !== 'sql.statement');
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.filter((record) => record.type !== 'checkpoint').map((record) => record.type)).toEqual(written.map((event) => event.type));
    expect(records[0]!.prev).toBe(`sha256:${sha256(RUNBOOK_BYTES)}`);
    for (const [index, record] of records.entries()) {
      expect(record.seq).toBe(index);
      expect(Object.keys(record).slice(0, 4)).toEqual(['seq', 'ts', 'type', 'prev']);
      expect(Object.keys(record).slice(4)).toEqual(Object.keys(record).slice(4).sort());
      if (index > 0) expect(record.prev).toBe(`sha256:${sha256(lines[index - 1]!)}`);
      // The same record always formats to the same bytes.
      expect(formatEventLine(record as Parameters<typeof formatEventLine>[0])).toBe(lines[index]);
    }
  });

  it('merges the signer, principal and git commit into run.start', async () => {
    const start = JSON.parse((await readLines())[0]!) as Record<string, unknown>;
    expect(start).toMatchObject({
      type: 'run.start',
      runbook: { sha256: sha256(RUNBOOK_BYTES) },
      principal: 'alice@example.com',
      keyFingerprint: signer.fingerprint,
      publicKey: signer.publicKey,
      ephemeralKey: false,
      gitCommit: '0123456789abcdef0123456789abcdef01234567',
    });
  });

  it('records out file digests in cell.end and signs the chain head in the checkpoint after it', async () => {
    const records = (await readLines()).map((line) => JSON.parse(line) as Record<string, any>);
    const lines = await readLines();
    const ends = records.filter((record) => record.type === 'cell.end');
    expect(ends).toHaveLength(3);
    for (const end of ends) {
      for (const [kind, file] of Object.entries(end.files as Record<string, { path: string; bytes: number; sha256: string }>)) {
        const bytes = await readFile(join(runDir, file.path));
        expect(file).toEqual({ path: `out/${end.attempt}.${kind === 'result' ? 'result.json' : kind}`, bytes: bytes.length, sha256: sha256(bytes) });
      }
      expect(end.files.stdout.sha256).toBe(end.stdout.sha256);
      const checkpoint = records[end.seq + 1]!;
      expect(checkpoint).toMatchObject({ type: 'checkpoint', head: `sha256:${sha256(lines[end.seq]!)}`, prev: `sha256:${sha256(lines[end.seq]!)}` });
      expect(verifySshSignature(Buffer.from(checkpoint.head), checkpoint.signature, { namespace: 'litops' })).toMatchObject({ ok: true, fingerprint: signer.fingerprint });
      // Stock ssh-keygen agrees.
      const sigPath = writeSignatureFile(join(dir, `checkpoint-${end.seq}.sig`), checkpoint.signature);
      expect(runSshKeygenVerify({ allowedSignersPath: key.allowedSignersPath, principal: key.principal, signaturePath: sigPath, data: Buffer.from(checkpoint.head) }).status).toBe(0);
    }
  });

  it('writes the redacted output bytes as they came, and the SQL results of the attempt', async () => {
    expect(await readFile(join(runDir, 'out/1.stdout'), 'utf8')).toBe('hello, world — ✓ ünïcode\nprogress 50%\rprogress 100%\n');
    expect(await readFile(join(runDir, 'out/1.stderr'), 'utf8')).toBe('warning: disk 81% full\n');
    expect(JSON.parse(await readFile(join(runDir, 'out/3.result.json'), 'utf8'))).toEqual([expect.objectContaining({ text: 'SELECT count(*) FROM users', rows: [[42]], rowCount: 1 })]);
  });

  it('writes an asciicast v2 file per attempt: a header, then [elapsed, "o", data] lines with non-decreasing times', async () => {
    const lines = (await readFile(join(runDir, 'out/1.cast'), 'utf8')).split('\n');
    expect(lines.at(-1)).toBe('');
    const header = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(header).toMatchObject({ version: 2, width: expect.any(Number), height: expect.any(Number), timestamp: expect.any(Number), env: expect.any(Object) });
    expect(Object.keys(header).slice(0, 4)).toEqual(['version', 'width', 'height', 'timestamp']);
    expect(Number.isInteger(header.timestamp)).toBe(true);
    const frames = lines.slice(1, -1).map((line) => JSON.parse(line) as [number, string, string]);
    expect(frames).toHaveLength(4);
    let previous = 0;
    for (const [elapsed, code, data] of frames) {
      expect(typeof elapsed).toBe('number');
      expect(elapsed).toBeGreaterThanOrEqual(previous);
      previous = elapsed;
      expect(code).toBe('o');
      expect(typeof data).toBe('string');
    }
    expect(previous).toBeGreaterThan(0);
    // What a terminal shows: both streams, newlines as CRLF.
    expect(frames.map(([, , data]) => data).join('')).toBe('hello, world — ✓ ünïcode\r\nwarning: disk 81% full\r\nprogress 50%\rprogress 100%\r\n');
  });

  it('produces byte-identical logs for the same events, key and clock', async () => {
    const again = join(dir, 'runs', 'again');
    await writeRun(again, signer, buildSyntheticRun());
    // Ed25519 signatures are deterministic, so even the checkpoints match.
    expect(await readFile(join(again, 'events.jsonl'))).toEqual(await readFile(join(runDir, 'events.jsonl')));
    expect(await readFile(join(again, 'SHA256SUMS'))).toEqual(await readFile(join(runDir, 'SHA256SUMS')));
  });
});

describe('large output', () => {
  it('streams 64 MB of output to disk chunk by chunk with bounded memory, digests over every byte', async () => {
    const bigDir = join(dir, 'runs', 'big');
    const journal = await createJournal({ runDir: bigDir, runbookBytes: RUNBOOK_BYTES, signer, principal: 'alice@example.com', gitCommit: null });
    const [start, step] = buildSyntheticRun();
    await journal.sink(start!);
    await journal.sink(step!);
    const ts = '2025-01-02T03:04:06.000Z';
    await journal.sink({ type: 'cell.start', ts, attempt: 1, cell: 'big', step: 'say-hello', lang: 'shell', target: 'shell', source: 'yes', sha256: sha256('yes'), originalSha256: null, cwd: null });
    const chunk = 'y\n'.repeat(32 * 1024);
    const expected = createHash('sha256');
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    for (let i = 0; i < 1024; i++) {
      await journal.sink({ type: 'cell.output', ts, attempt: 1, cell: 'big', stream: 'stdout', data: chunk });
      expected.update(chunk);
      if (i % 64 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const digest = expected.digest('hex');
    const output = { bytes: 64 * 1024 * 1024, sha256: digest };
    await journal.sink({ type: 'cell.end', ts, attempt: 1, cell: 'big', status: 'passed', exitCode: 0, signal: null, durationMs: 1, expectations: [], error: null, capture: null, stdout: output, stderr: { bytes: 0, sha256: sha256('') }, tail: 'y', session: null });
    await journal.sink({ type: 'run.end', ts, status: 'passed', exitCode: 0, durationMs: 1, counts: { passed: 1, failed: 0, skipped: 0, notRun: 0 }, reason: 'ok' });
    await journal.finish();
    expect(peak - before).toBeLessThan(48 * 1024 * 1024);
    const end = (await readFile(join(bigDir, 'events.jsonl'), 'utf8')).split('\n').map((line) => (line ? JSON.parse(line) : null)).find((record) => record?.type === 'cell.end');
    expect(end.files.stdout).toEqual({ path: 'out/1.stdout', ...output });
    expect(end.files.cast.bytes).toBeGreaterThan(64 * 1024 * 1024);
    expect((await verifyRunDir(bigDir)).status).toBe('valid');
  }, 60_000);
});

describe('the journal sink', () => {
  const open = async (name: string) => createJournal({ runDir: join(dir, 'order', name), runbookBytes: RUNBOOK_BYTES, signer, principal: 'alice@example.com', gitCommit: null, now: createClock() });

  it('refuses a run directory that exists', async () => {
    await expect(createJournal({ runDir, runbookBytes: RUNBOOK_BYTES, signer, principal: 'a', gitCommit: null })).rejects.toMatchObject({ name: 'LitopsError', code: 'run-dir-exists' });
  });

  it('refuses events out of order, and fails every later call with the same error', async () => {
    const journal = await open('out-of-order');
    const [start, step] = buildSyntheticRun();
    await expect(journal.sink(step!)).rejects.toMatchObject({ code: 'journal-order', message: expect.stringMatching(/step.start before run.start/) });
    await expect(journal.sink(start!)).rejects.toMatchObject({ code: 'journal-order' });
    await expect(journal.finish()).rejects.toMatchObject({ code: 'journal-order' });
  });

  it('refuses a run.start whose runbook digest is not runbook.md', async () => {
    const journal = await open('wrong-runbook');
    const [start] = buildSyntheticRun();
    await expect(journal.sink({ ...(start as Extract<RunEvent, { type: 'run.start' }>), runbook: { path: null, sha256: '0'.repeat(64), title: 'x' } })).rejects.toMatchObject({ code: 'journal-runbook-mismatch' });
  });

  it('refuses finish() before run.end', async () => {
    const journal = await open('no-end');
    await journal.sink(buildSyntheticRun()[0]!);
    await expect(journal.finish()).rejects.toMatchObject({ code: 'journal-not-ended' });
  });

  it('keeps lines in call order when the caller does not await (as target.open is emitted)', async () => {
    const journal = await open('unawaited');
    const run = buildSyntheticRun();
    const pending = run.map((event) => journal.sink(event));
    await Promise.all(pending);
    await journal.finish();
    const report = await verifyRunDir(join(dir, 'order', 'unawaited'));
    expect(report.status).toBe('valid');
  });
});
