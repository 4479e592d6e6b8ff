import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnvFile } from '../../../src/executor/inputs/index.js';
import { UsageError } from '../../../src/model/errors.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'litops-env-'));
  await writeFile(join(dir, 'good.env'), '\uFEFF# prod\r\nDB_HOST=db1\r\nexport DB_PASSWORD="s3 cr\\"et"\r\n');
  await writeFile(join(dir, 'bad.env'), 'A=1\nnot a line\nB="x" y\nc-d=1\n');
  await writeFile(join(dir, 'one-bad.env'), 'A=1\n1A=2\n');
  await writeFile(join(dir, 'latin1.env'), Buffer.from([0x41, 0x3d, 0xe9, 0x0a]));
  await mkdir(join(dir, 'folder.env'));
  await writeFile(join(dir, 'locked.env'), 'A=1\n');
  await chmod(join(dir, 'locked.env'), 0o000);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function captureError(path: string): Promise<UsageError> {
  const error: unknown = await readEnvFile(path).then(
    () => new Error(`read ${path} without error`),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UsageError);
  expect((error as UsageError).exitCode).toBe(2);
  return error as UsageError;
}

describe('readEnvFile', () => {
  it('reads the values of a file', async () => {
    expect(await readEnvFile(join(dir, 'good.env'))).toEqual({ DB_HOST: 'db1', DB_PASSWORD: 's3 cr"et' });
  });

  it('throws the first problem with path:line, and how many more there are', async () => {
    const path = join(dir, 'bad.env');
    const error = await captureError(path);
    expect(error.message).toBe(`${path}:2: expected NAME=VALUE or a # comment, got a line without "=" (not shown: it may be a secret) (and 2 more problems in ${path})`);
    expect(error.code).toBe('bad-env-file');
    const one = join(dir, 'one-bad.env');
    expect((await captureError(one)).message).toBe(`${one}:2: "1A" is not a variable name (letters, digits and _, not starting with a digit)`);
  });

  it('says why a file cannot be read', async () => {
    const missing = join(dir, 'missing.env');
    expect((await captureError(missing)).message).toBe(`cannot read env file ${missing}: no such file`);
    expect((await captureError(missing)).code).toBe('file-not-found');
    expect((await captureError(join(dir, 'folder.env'))).message).toBe(`cannot read env file ${join(dir, 'folder.env')}: it is a directory`);
    const latin1 = await captureError(join(dir, 'latin1.env'));
    expect(latin1.message).toBe(`cannot read env file ${join(dir, 'latin1.env')}: it is not valid UTF-8; save it as UTF-8`);
  });

  it('says so when the file is not readable (as root: checked as the user nobody)', async () => {
    const locked = join(dir, 'locked.env');
    const expected = `cannot read env file ${locked}: permission denied`;
    if (process.getuid?.() !== 0) {
      expect((await captureError(locked)).message).toBe(expected);
      return;
    }
    // Root reads anything, so the check runs in a child process as nobody, on the built code.
    await chmod(dir, 0o755);
    const module = fileURLToPath(new URL('../../../dist/executor/inputs/index.js', import.meta.url));
    const script = `import(${JSON.stringify(module)}).then(({ readEnvFile }) => readEnvFile(${JSON.stringify(locked)})).then(() => console.log('read it'), (e) => console.log(e.message))`;
    const child = spawnSync(process.execPath, ['-e', script], { uid: 65534, gid: 65534, encoding: 'utf8' });
    expect(child.stdout.trim()).toBe(expected);
  });
});
