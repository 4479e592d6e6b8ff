import { createHash } from 'node:crypto';
import { appendFile, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatEventLine, verifyRunDir, type Signer } from '../../src/journal/index.js';
import { copyRunDir, makeTempDir, writeRun } from './support/run-dirs.js';
import { buildSyntheticRun } from './support/synthetic-run.js';
import { createKeySigner, createTestKey, runSha256sumCheck, runSshKeygenVerify, type TestKey } from './support/test-keys.js';

let dir: string;
let key: TestKey;
let signer: Signer;
let template: string;
let files: string[];
let copies = 0;

beforeAll(async () => {
  dir = await makeTempDir('litops-tamper-');
  key = createTestKey(dir, 'alice@example.com');
  signer = await createKeySigner(key);
  template = join(dir, 'template');
  await writeRun(template, signer, buildSyntheticRun());
  files = ['runbook.md', 'events.jsonl', 'SHA256SUMS', 'SHA256SUMS.sig', ...(await readdir(join(template, 'out'))).map((name) => `out/${name}`)];
  expect((await verifyRunDir(template)).status).toBe('valid');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const copy = () => copyRunDir(template, dir, `copy-${++copies}`);
const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

async function editLines(runDir: string, edit: (lines: string[]) => string[]): Promise<void> {
  const lines = (await readFile(join(runDir, 'events.jsonl'), 'utf8')).split('\n').slice(0, -1);
  await writeFile(join(runDir, 'events.jsonl'), `${edit(lines).join('\n')}\n`);
}

async function expectTampered(runDir: string, problem: RegExp): Promise<void> {
  const report = await verifyRunDir(runDir, { allowedSigners: key.allowedSigners });
  expect(report.status).toBe('tampered');
  expect(report.exitCode).toBe(1);
  expect(report.problems).toHaveLength(1);
  expect(report.problems[0]).toMatch(problem);
}

/** Rewrites SHA256SUMS for the files as they are now (what a forger without the key can do). */
async function recomputeSums(runDir: string): Promise<void> {
  const text = (await readFile(join(runDir, 'SHA256SUMS'), 'utf8')).split('\n').slice(0, -1);
  const lines = await Promise.all(text.map(async (line) => `${sha256(await readFile(join(runDir, line.slice(66))))}  ${line.slice(66)}`));
  await writeFile(join(runDir, 'SHA256SUMS'), `${lines.join('\n')}\n`);
}

describe('verifyRunDir on a tampered run directory', () => {
  it('catches a change to any byte of any file, naming that file (property)', async () => {
    const sizes = new Map(await Promise.all(files.map(async (file) => [file, (await readFile(join(template, file))).length] as const)));
    // Empty files (stderr of cells that printed none) have no byte to change.
    const nonEmpty = files.filter((file) => sizes.get(file)! > 0);
    expect(nonEmpty.length).toBe(files.length - 2);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...nonEmpty), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.integer({ min: 1, max: 255 }), async (file, where, xor) => {
        const runDir = await copy();
        const path = join(runDir, file);
        const bytes = await readFile(path);
        const offset = Math.floor(where * sizes.get(file)!);
        bytes[offset] = bytes[offset]! ^ xor;
        await writeFile(path, bytes);
        const report = await verifyRunDir(runDir);
        await rm(runDir, { recursive: true });
        expect(report.exitCode, `${file} byte ${offset} ^ ${xor}: ${report.problems.join('; ')}`).toBe(1);
        expect(report.problems[0]).toContain(file);
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('names the line after a deleted event line', async () => {
    const runDir = await copy();
    await editLines(runDir, (lines) => lines.filter((_, index) => index !== 5));
    await expectTampered(runDir, /^events\.jsonl line 6: seq is 6, expected 5/);
  });

  it('names a duplicated line', async () => {
    const runDir = await copy();
    await editLines(runDir, (lines) => [...lines.slice(0, 7), lines[6]!, ...lines.slice(7)]);
    await expectTampered(runDir, /^events\.jsonl line 8: seq is 6, expected 7/);
  });

  it('names the first of two swapped lines', async () => {
    const runDir = await copy();
    await editLines(runDir, (lines) => [...lines.slice(0, 5), lines[6]!, lines[5]!, ...lines.slice(7)]);
    await expectTampered(runDir, /^events\.jsonl line 6: seq is 6, expected 5/);
  });

  it('names a line whose prev does not chain, when the seqs were renumbered', async () => {
    const runDir = await copy();
    await editLines(runDir, (lines) =>
      lines
        .filter((_, index) => index !== 5)
        .map((line, index) => (index < 5 ? line : line.replace(/^\{"seq":\d+/, `{"seq":${index}`))),
    );
    await expectTampered(runDir, /^events\.jsonl line 6: prev does not match the hash of line 5$/);
  });

  it('catches a forger who rewrites a line and recomputes the chain after it: the checkpoint no longer matches', async () => {
    const runDir = await copy();
    await editLines(runDir, (lines) => {
      const records = lines.map((line) => JSON.parse(line) as Parameters<typeof formatEventLine>[0]);
      const end = records.findIndex((record) => record.type === 'cell.end');
      records[end]!.status = 'passed';
      records[end]!.exitCode = 0;
      const out: string[] = [];
      for (const [index, record] of records.entries()) {
        if (index > 0) record.prev = `sha256:${sha256(out[index - 1]!)}`;
        out.push(formatEventLine(record));
      }
      return out;
    });
    await recomputeSums(runDir);
    await expectTampered(runDir, /^events\.jsonl line 5: checkpoint head does not match the hash of line 4$/);
  });

  it('catches a forger who also moves every checkpoint head, and names the first checkpoint whose signature fails', async () => {
    const runDir = await copy();
    await editLines(runDir, (lines) => {
      const records = lines.map((line) => JSON.parse(line) as Parameters<typeof formatEventLine>[0] & { head?: string });
      const end = records.findIndex((record) => record.type === 'cell.end');
      records[end]!.exitCode = 0;
      const out: string[] = [];
      for (const [index, record] of records.entries()) {
        if (index > 0) record.prev = `sha256:${sha256(out[index - 1]!)}`;
        if (record.type === 'checkpoint') record.head = record.prev;
        out.push(formatEventLine(record));
      }
      return out;
    });
    await recomputeSums(runDir);
    await expectTampered(runDir, /^events\.jsonl line 5: checkpoint signature does not verify/);
  });

  it('names a truncated out file with the sizes', async () => {
    const runDir = await copy();
    await truncate(join(runDir, 'out/1.stdout'), 10);
    await expectTampered(runDir, /^out\/1\.stdout: 10 bytes, but cell\.end \(events\.jsonl line 4\) records 58$/);
  });

  it('names events.jsonl when lines were cut off its end', async () => {
    const runDir = await copy();
    await editLines(runDir, (lines) => lines.slice(0, -2));
    await expectTampered(runDir, /^events\.jsonl: does not match its sha256 in SHA256SUMS/);
  });

  it('names events.jsonl when it was cut mid-line', async () => {
    const runDir = await copy();
    const size = (await readFile(join(runDir, 'events.jsonl'))).length;
    await truncate(join(runDir, 'events.jsonl'), size - 40);
    await expectTampered(runDir, /^events\.jsonl: does not match its sha256 in SHA256SUMS/);
  });

  it('catches a replaced signature: by another key, and a valid one over other data', async () => {
    const other = await createKeySigner(createTestKey(dir, 'mallory@example.com', 'id_mallory'));
    const runDir = await copy();
    await writeFile(join(runDir, 'SHA256SUMS.sig'), await other.sign(await readFile(join(runDir, 'SHA256SUMS'))));
    await expectTampered(runDir, new RegExp(`^SHA256SUMS\\.sig: signed by ${escape(other.fingerprint)}, not by the run's key ${escape(signer.fingerprint)}`));
    const second = await copy();
    await writeFile(join(second, 'SHA256SUMS.sig'), await signer.sign(Buffer.from('something else\n')));
    await expectTampered(second, /^SHA256SUMS\.sig: the signature over SHA256SUMS does not verify/);
  });

  it('catches an edited output even when SHA256SUMS was recomputed: sha256sum passes, the signature does not', async () => {
    const runDir = await copy();
    await writeFile(join(runDir, 'out/2.stdout'), 'hello, auditor\n');
    await recomputeSums(runDir);
    expect(runSha256sumCheck(runDir).status).toBe(0);
    const stock = runSshKeygenVerify({ allowedSignersPath: key.allowedSignersPath, principal: key.principal, signaturePath: join(runDir, 'SHA256SUMS.sig'), data: await readFile(join(runDir, 'SHA256SUMS')) });
    expect(stock.status).not.toBe(0);
    await expectTampered(runDir, /^out\/2\.stdout: 15 bytes, but cell\.end \(events\.jsonl line 8\) records 13$/);
    // Had the chain not recorded the file, the signature would still fail.
    await writeFile(join(runDir, 'out/2.stdout'), 'hello, world\n');
    await writeFile(join(runDir, 'SHA256SUMS'), `${(await readFile(join(runDir, 'SHA256SUMS'), 'utf8')).replace(/^[0-9a-f]{64}(?= {2}events)/m, '0'.repeat(64))}`);
    await expectTampered(runDir, /^SHA256SUMS\.sig: the signature over SHA256SUMS does not verify/);
  });

  it('names an edited runbook.md, and a runbook that is not the one given with --runbook', async () => {
    const runDir = await copy();
    await appendFile(join(runDir, 'runbook.md'), '\n- Also drop the table\n');
    await expectTampered(runDir, /^runbook\.md: sha256 does not match run\.start \(events\.jsonl line 1\)$/);
    const report = await verifyRunDir(template, { runbookBytes: Buffer.from('# Another runbook\n') });
    expect(report).toMatchObject({ status: 'tampered', exitCode: 1, problems: [expect.stringMatching(/^runbook\.md: is not the runbook given with --runbook/)] });
  });

  it('names a deleted out file, an added one and a stray file', async () => {
    const deleted = await copy();
    await rm(join(deleted, 'out/3.result.json'));
    await expectTampered(deleted, /^out\/3\.result\.json: missing, but cell\.end \(events\.jsonl line 14\) records it$/);
    const added = await copy();
    await writeFile(join(added, 'out/9.stdout'), 'planted\n');
    await expectTampered(added, /^SHA256SUMS does not list out\/9\.stdout/);
    const stray = await copy();
    await writeFile(join(stray, 'notes.txt'), 'hi\n');
    await expectTampered(stray, /^notes\.txt: has no place in a run directory/);
  });

  it('fails a signer the allowed signers file does not allow', async () => {
    const other = createTestKey(dir, 'bob@example.com', 'id_bob');
    const report = await verifyRunDir(template, { allowedSigners: other.allowedSigners });
    expect(report).toMatchObject({ status: 'tampered', exitCode: 1, problems: [expect.stringMatching(/^allowed signers: alice@example\.com may not sign with SHA256:/)] });
    const wrongPrincipal = await verifyRunDir(template, { allowedSigners: `bob@example.com ${key.publicKey}\n` });
    expect(wrongPrincipal.exitCode).toBe(1);
  });

  it('reports a deleted SHA256SUMS.sig as intact but unsigned at the end (exit 4), not valid', async () => {
    const runDir = await copy();
    await rm(join(runDir, 'SHA256SUMS.sig'));
    const report = await verifyRunDir(runDir);
    expect(report).toMatchObject({ status: 'incomplete', exitCode: 4 });
    expect(report.problems.join('\n')).toMatch(/SHA256SUMS\.sig: missing/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
