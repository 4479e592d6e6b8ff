import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runLitops } from './run-litops.js';

let dir: string;
let key: string;
let allowedSigners: string;
const PRINCIPAL = 'auditor-test@example.com';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'litops-log-'));
  key = join(dir, 'signing_key');
  const made = await runLitops(['keygen', '--out', key, '--as', PRINCIPAL]);
  expect(made.code).toBe(0);
  allowedSigners = join(dir, 'allowed_signers');
  await writeFile(allowedSigners, made.stdout);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const fence = (info: string, body: string) => `\`\`\`${info}\n${body}\n\`\`\`\n`;
const env = { DATABASE_URL: undefined, LITOPS_SIGNING_KEY: undefined };

/** Runs a runbook with the test key into `<dir>/<logName>`; returns the result and the run directory. */
async function runLogged(name: string, text: string, args: string[] = [], extraEnv: Record<string, string> = {}) {
  const file = join(dir, name);
  await writeFile(file, text);
  const logDir = join(dir, `${name}.runs`);
  const result = await runLitops(['run', file, '--ci', '--key', key, '--as', PRINCIPAL, '--log-dir', logDir, ...args], { cwd: dir, env: { ...env, ...extraEnv }, timeoutMs: 60_000 });
  const runs = existsSync(logDir) ? readdirSync(logDir) : [];
  return { result, runDir: runs.length === 1 ? join(logDir, runs[0]!) : '' };
}

const RUNBOOK = ['# Audit me', '## Steps', fence('bash {name=hello}', 'echo hello'), fence('bash {name=world}', 'echo world >&2'), fence('sql {name=one}', 'SELECT 1 AS one;')].join('\n');

describe('the run directory', () => {
  it('holds the exact runbook, a chained log, outputs, sums and a signature that stock tools verify', async () => {
    const { result, runDir } = await runLogged('audit.md', RUNBOOK);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Run directory: ${runDir}`);
    expect(readFileSync(join(runDir, 'runbook.md'), 'utf8')).toBe(RUNBOOK);
    for (const file of ['events.jsonl', 'SHA256SUMS', 'SHA256SUMS.sig', 'out/1.stdout', 'out/2.stderr', 'out/1.cast', 'out/3.result.json']) expect(existsSync(join(runDir, file)), file).toBe(true);
    expect(readFileSync(join(runDir, 'out/1.stdout'), 'utf8')).toBe('hello\n');
    const lines = readFileSync(join(runDir, 'events.jsonl'), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as { seq: number; type: string; principal?: string });
    expect(lines.map((e) => e.seq)).toEqual(lines.map((_, i) => i));
    expect(lines[0]!.type).toBe('run.start');
    expect(lines[0]!.principal).toBe(PRINCIPAL);
    expect(lines.filter((e) => e.type === 'checkpoint')).toHaveLength(3);
    expect(lines.at(-1)!.type).toBe('run.end');

    const verified = await runLitops(['verify', runDir, '--allowed-signers', allowedSigners, '--runbook', join(dir, 'audit.md')]);
    expect(verified.stdout).toContain(PRINCIPAL);
    expect(verified.code).toBe(0);
    execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: runDir });
    const stdin = readFileSync(join(runDir, 'SHA256SUMS'));
    const ssh = execFileSync('ssh-keygen', ['-Y', 'verify', '-f', allowedSigners, '-I', PRINCIPAL, '-n', 'litops', '-s', join(runDir, 'SHA256SUMS.sig')], { input: stdin }).toString();
    expect(ssh).toContain(`Good "litops" signature for ${PRINCIPAL}`);
  }, 60_000);

  it.each([
    ['an output file edited', async (runDir: string) => appendFile(join(runDir, 'out/1.stdout'), 'x')],
    ['an event line deleted', async (runDir: string) => writeFile(join(runDir, 'events.jsonl'), readFileSync(join(runDir, 'events.jsonl'), 'utf8').split('\n').filter((_, i) => i !== 3).join('\n'))],
    ['the runbook edited', async (runDir: string) => appendFile(join(runDir, 'runbook.md'), '\n')],
    ['an output edited and SHA256SUMS recomputed', async (runDir: string) => {
      await appendFile(join(runDir, 'out/1.stdout'), 'forged\n');
      await writeFile(join(runDir, 'SHA256SUMS'), execFileSync('sh', ['-c', 'sha256sum $(cut -c67- SHA256SUMS)'], { cwd: runDir }));
    }],
  ])('catches %s: exit 1, naming the bad line or file', async (_name, tamper) => {
    const { runDir } = await runLogged(`tamper-${Math.random().toString(36).slice(2)}.md`, RUNBOOK);
    await tamper(runDir);
    const verified = await runLitops(['verify', runDir]);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(/events\.jsonl line \d+|out\/1\.stdout|runbook\.md|SHA256SUMS/);
  }, 60_000);
});

describe('a killed run', () => {
  const cells = ['a', 'b', 'c', 'd', 'e'];
  const crashRunbook = (counter: string) => ['# Crash', '## Steps', ...cells.map((name) => fence(`bash {name=${name}}`, `sleep 0.4\necho ${name} >> ${counter}`))].join('\n');

  it.each([1, 2, 4])('killed with SIGKILL after %i cells: verifies as incomplete (4), resumes, runs no finished cell twice, then verifies (0)', async (after) => {
    const counter = join(dir, `counter-${after}`);
    const file = join(dir, `crash-${after}.md`);
    await writeFile(file, crashRunbook(counter));
    const logDir = join(dir, `crash-${after}.runs`);
    const child = spawn(process.execPath, [BIN, 'run', file, '--ci', '--key', key, '--log-dir', logDir], { cwd: dir, stdio: 'ignore', env: { ...process.env, DATABASE_URL: '' } });
    await waitFor(() => existsSync(counter) && readFileSync(counter, 'utf8').split('\n').filter(Boolean).length >= after);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const runDir = join(logDir, readdirSync(logDir)[0]!);
    const before = await runLitops(['verify', runDir]);
    expect(before.code).toBe(4);
    expect(before.stdout).toMatch(/incomplete/i);
    const finished = readFileSync(join(runDir, 'events.jsonl'), 'utf8').split('\n').filter((line) => line.endsWith('}')).map((line) => JSON.parse(line) as { type: string; cell?: string }).filter((e) => e.type === 'cell.end').map((e) => e.cell!);

    const resumed = await runLitops(['resume', runDir, '--key', key], { cwd: dir, env, timeoutMs: 60_000 });
    expect(resumed.code).toBe(0);
    const ran = readFileSync(counter, 'utf8').split('\n').filter(Boolean);
    for (const name of finished) expect(ran.filter((n) => n === name), `${name} ran once`).toHaveLength(1);
    expect([...new Set(ran)].sort()).toEqual(cells);
    const after2 = await runLitops(['verify', runDir]);
    expect(after2.code).toBe(0);
    expect(statSync(join(runDir, 'SHA256SUMS.sig')).size).toBeGreaterThan(0);
  }, 90_000);
});

describe('secrets', () => {
  it('never reach any file of the run directory: not from variables, commands, nor outputs', async () => {
    const secret = 'pl4nted-Secret-9f8e7d';
    const text = [
      '---',
      'variables:',
      '  SERVICE_PASSWORD: { description: a password, secret: true }',
      '---',
      '# Secrets',
      fence('bash {name=echo-it}', 'echo "the password is $SERVICE_PASSWORD"\necho "$SERVICE_PASSWORD" | rev | rev >&2'),
      fence('bash {name=capture-it capture=API_TOKEN}', 'echo "$SERVICE_PASSWORD"'),
      fence('bash {name=use-it}', 'echo "token: $API_TOKEN"'),
      fence('sql {name=sql-it}', "SELECT :'SERVICE_PASSWORD' AS leaked;"),
    ].join('\n');
    const { result, runDir } = await runLogged('secrets.md', text, ['--set', `SERVICE_PASSWORD=${secret}`], { OTHER_TOKEN: `${secret}-env` });
    expect(result.code).toBe(0);
    expect(`${result.stdout}${result.stderr}`).not.toContain(secret);
    const files = listFiles(runDir);
    expect(files.length).toBeGreaterThan(8);
    for (const file of files) expect(readFileSync(file, 'latin1'), file).not.toContain(secret);
    expect(readFileSync(join(runDir, 'out/1.stdout'), 'utf8')).toBe('the password is [REDACTED]\n');
  }, 60_000);
});

function listFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? listFiles(join(root, entry.name)) : [join(root, entry.name)]));
}

async function waitFor(predicate: () => boolean, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}


