import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRunbookFile } from '../../src/cli/read-runbook-file.js';
import { UsageError } from '../../src/model/errors.js';
import { runLitops, runNode } from './run-litops.js';

let dir: string;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'litops-read-'));
  await chmod(dir, 0o755);
  await mkdir(join(dir, 'a directory.md'));
  await writeFile(join(dir, 'binary.md'), Buffer.from('# Title\n\nok\u0000then\n'));
  await writeFile(join(dir, 'latin1.md'), Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('\n\nfin\n')]));
  await writeFile(join(dir, 'late-invalid.md'), Buffer.concat([Buffer.from('# T\n\nline 3\n\nline 5 '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]));
  await writeFile(join(dir, 'utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Title\n', 'utf16le')]));
  await writeFile(join(dir, 'bom.md'), Buffer.concat([BOM, Buffer.from('# Title\r\n\r\n```bash\r\necho ok\r\n```\r\n')]));
  await writeFile(join(dir, 'secret.md'), '# Secret\n');
  await chmod(join(dir, 'secret.md'), 0o000);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function captureError(path: string): Promise<UsageError> {
  const error: unknown = await readRunbookFile(path).then(
    () => new Error(`read ${path} without error`),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

describe('readRunbookFile', () => {
  it('keeps the exact bytes, and the BOM and CRLF in the text', async () => {
    const file = await readRunbookFile(join(dir, 'bom.md'));
    expect(file.path).toBe(join(dir, 'bom.md'));
    expect(file.bytes.subarray(0, 3)).toEqual(BOM);
    expect(file.text.startsWith('\uFEFF# Title\r\n')).toBe(true);
    expect(Buffer.from(file.text, 'utf8')).toEqual(file.bytes);
  });

  it.each([
    ['missing.md', 'file-not-found', 'cannot read PATH: no such file'],
    ['a directory.md', 'file-is-directory', 'cannot read PATH: it is a directory, not a runbook file'],
    ['binary.md', 'file-binary', 'cannot read PATH: it is a binary file, not Markdown (NUL byte at line 3, byte offset 11)'],
    ['latin1.md', 'file-not-utf8', 'cannot read PATH: it is not valid UTF-8 (byte 0xE9 at line 1, byte offset 5); save it as UTF-8'],
    ['late-invalid.md', 'file-not-utf8', 'cannot read PATH: it is not valid UTF-8 (byte 0xC3 at line 5, byte offset 20); save it as UTF-8'],
    ['utf16.md', 'file-not-utf8', 'cannot read PATH: it is UTF-16 text; litops reads UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)'],
    ['missing-dir/x.md', 'file-not-found', 'cannot read PATH: no such file'],
    ['binary.md/x.md', 'file-not-found', 'cannot read PATH: a parent of it is not a directory'],
  ])('%s: %s', async (name, code, message) => {
    const path = join(dir, name);
    const error = await captureError(path);
    expect(error.code).toBe(code);
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(message.replace('PATH', path));
  });
});

/** The real CLI: exit 2, nothing on stdout, one line on stderr that names the file. */
async function expectUnreadable(path: string, pattern: RegExp, options: { uid?: number; gid?: number } = {}): Promise<void> {
  const result = await runLitops(['inspect', path], options);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^litops: [^\n]+\n$/);
  expect(result.stderr).toContain(path);
  expect(result.stderr).toMatch(pattern);
  expect(result.code).toBe(2);
}

describe('litops inspect on a file it cannot read', () => {
  it('missing', async () => {
    await expectUnreadable(join(dir, 'missing.md'), /no such file/);
  });

  it('a directory', async () => {
    await expectUnreadable(join(dir, 'a directory.md'), /is a directory/);
  });

  it('binary', async () => {
    await expectUnreadable(join(dir, 'binary.md'), /binary file.*NUL byte at line 3/);
  });

  it('not UTF-8', async () => {
    await expectUnreadable(join(dir, 'latin1.md'), /not valid UTF-8 \(byte 0xE9 at line 1, byte offset 5\)/);
    await expectUnreadable(join(dir, 'utf16.md'), /UTF-16/);
  });

  it('not readable (permissions)', async (context) => {
    const path = join(dir, 'secret.md');
    if (process.getuid?.() !== 0) {
      await expectUnreadable(path, /permission denied/);
      return;
    }
    // root reads anything: run the CLI as nobody, when nobody can run node and read the checkout.
    const nobody = { uid: 65534, gid: 65534 };
    const probe = await runLitops(['--version'], nobody).catch(() => undefined);
    if (probe?.code !== 0) context.skip('running as root, and user nobody cannot run the CLI from this checkout');
    await expectUnreadable(path, /permission denied/, nobody);
  });

  it('still exits 2 when the process cannot even stat a path (too long a name)', async () => {
    const path = join(dir, 'x'.repeat(300));
    await expectUnreadable(path, /cannot read .*: name too long/);
  });

  it('does not print a stack without LITOPS_DEBUG, and does with it', async () => {
    const path = join(dir, 'missing.md');
    const debug = await runNode([`${process.cwd()}/bin/litops.js`, 'inspect', path], { env: { LITOPS_DEBUG: '1' } });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^litops: cannot read .*missing\.md: no such file\nUsageError: .*\n\s+at /);
    expect(debug.stderr).toContain('Caused by: Error: ENOENT');
  });
});
