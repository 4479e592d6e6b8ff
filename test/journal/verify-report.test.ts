import { appendFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunId } from '../../src/executor/index.js';
import { createSigner, findRunDirName, formatVerifyReport, verifyRunDir, type Signer } from '../../src/journal/index.js';
import { makeTempDir, writeRun } from './support/run-dirs.js';
import { buildSyntheticRun } from './support/synthetic-run.js';
import { createKeySigner, createTestKey, type TestKey } from './support/test-keys.js';

let dir: string;
let key: TestKey;
let signer: Signer;
let validDir: string;
beforeAll(async () => {
  dir = await makeTempDir('litops-verify-report-');
  key = createTestKey(dir, 'alice@example.com');
  signer = await createKeySigner(key);
  validDir = join(dir, 'valid');
  await writeRun(validDir, signer, buildSyntheticRun());
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Replaces fingerprints and digests with placeholders. */
const stable = (text: string) => text.replace(/SHA256:[A-Za-z0-9+/]{43}/g, 'SHA256:<fingerprint>').replace(/\b[0-9a-f]{64}\b/g, '<sha256>');

describe('formatVerifyReport', () => {
  it('prints a valid run: headline, signer, what was checked', async () => {
    expect(stable(formatVerifyReport(await verifyRunDir(validDir, { allowedSigners: key.allowedSigners })))).toBe(`valid: intact, complete and signed (exit 0)
signer: alice@example.com, key SHA256:<fingerprint>
intact and signed through seq 19 (SHA256SUMS.sig); last verified checkpoint at seq 14
checked:
  ✓ events.jsonl: 20 complete lines (seq 0–19), each numbered in order and chained to the one before
  ✓ runbook.md: matches the sha256 in run.start (<sha256>), which line 1 chains from
  ✓ out files: 10 recorded files match the sizes and sha256 in the lines that record them
  ✓ checkpoints: 3 over the chain head, each where it belongs; the last signature of each key verifies (1 checked) and covers the ones before it through the chain, the last at seq 14
  ✓ SHA256SUMS: lists exactly the 12 files present, each with its sha256
  ✓ SHA256SUMS.sig: a valid SSH signature (namespace litops) over SHA256SUMS by SHA256:<fingerprint>
  ✓ allowed signers: alice@example.com may sign with SHA256:<fingerprint>
  ✓ run.end (seq 19): passed, exit 0: every cell ran and every check passed
`);
  });

  it('prints a tampered run with its first problem and what checked out before it', async () => {
    const runDir = join(dir, 'tampered');
    await writeRun(runDir, signer, buildSyntheticRun());
    await appendFile(join(runDir, 'out/3.stdout'), 'x');
    expect(stable(formatVerifyReport(await verifyRunDir(runDir)))).toBe(`TAMPERED: verification failed (exit 1)
signer: alice@example.com, key SHA256:<fingerprint>
intact through seq 12; last verified checkpoint at seq 8
first problem:
  ✗ out/3.stdout: 32 bytes, but cell.end (events.jsonl line 14) records 31
checked:
  ✓ events.jsonl: 20 complete lines (seq 0–19), each numbered in order and chained to the one before
  ✓ runbook.md: matches the sha256 in run.start (<sha256>), which line 1 chains from
`);
  });
});

describe('verifyRunDir', () => {
  it('says a run signed with an ephemeral key is unsigned (exit 4), and names who it claims to be', async () => {
    const runDir = join(dir, 'ephemeral');
    const ephemeral = await createSigner({ env: { HOME: join(dir, 'none'), XDG_CONFIG_HOME: join(dir, 'none') } });
    await writeRun(runDir, ephemeral, buildSyntheticRun());
    const report = await verifyRunDir(runDir);
    expect(report).toMatchObject({ status: 'unsigned', exitCode: 4, signer: { principal: 'alice@example.com', ephemeral: true } });
    expect(report.problems).toEqual([expect.stringMatching(/^signed with an ephemeral key \(SHA256:.*\): the signatures show the log is unchanged since it was written, not who wrote it$/)]);
    expect(formatVerifyReport(report)).toMatch(/^unsigned: intact and complete, but signed with an ephemeral key \(exit 4\)\nsigner: alice@example\.com, ephemeral key SHA256:/);
  });

  it('throws a usage error (exit 2) for a directory that does not exist', async () => {
    await expect(verifyRunDir(join(dir, 'nowhere'))).rejects.toMatchObject({ name: 'UsageError', exitCode: 2 });
  });

  it('reports an empty or missing events.jsonl', async () => {
    const runDir = join(dir, 'empty');
    await writeRun(runDir, signer, [], { finish: false });
    expect(await verifyRunDir(runDir)).toMatchObject({ status: 'incomplete', exitCode: 4, intactThrough: { seq: -1, checkpointSeq: null }, signer: null });
    await rm(join(runDir, 'events.jsonl'));
    expect(await verifyRunDir(runDir)).toMatchObject({ status: 'tampered', problems: ['events.jsonl: missing'] });
  });
});

describe('findRunDirName', () => {
  it('is the run id the executor makes', () => {
    const runId = createRunId('Nightly: DB check!', new Date('2025-01-02T03:04:05Z'));
    expect(findRunDirName(runId)).toBe(runId);
    expect(runId).toMatch(/^20250102-030405-nightly-db-check-[0-9a-f]{6}$/);
  });

  it('refuses what is not a run id, so a name cannot leave the log directory', () => {
    for (const bad of ['../etc', 'a/b', '', '20250102-030405', '20250102-030405-x/../../y']) expect(() => findRunDirName(bad)).toThrow(/is not a run id/);
  });
});
