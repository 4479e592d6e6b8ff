import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLitops } from './run-litops.js';
import { COMMANDS, PLANNED_COMMANDS } from '../../src/cli/command-table.js';

/** A usage error is exit 2, nothing on stdout, and exactly this one line on stderr. */
async function expectUsageError(args: string[], line: string | RegExp): Promise<void> {
  const result = await runLitops(args);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.endsWith('\n')).toBe(true);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  if (typeof line === 'string') expect(result.stderr).toBe(`${line}\n`);
  else expect(result.stderr).toMatch(line);
}

describe('usage errors (exit 2, one line)', () => {
  it('names an unknown command', async () => {
    await expectUsageError(['frobnicate'], "litops: unknown command 'frobnicate'; see litops --help");
  });

  it('suggests the command meant', async () => {
    await expectUsageError(['inspekt', 'x.md'], "litops: unknown command 'inspekt' (did you mean 'inspect'?); see litops --help");
  });

  it('says a command of the design that does not exist yet is planned', async () => {
    for (const name of PLANNED_COMMANDS) await expectUsageError([name, 'x'], `litops: '${name}' is planned but not available in this version of litops; see litops --help`);
    // Once every planned command has landed there is nothing left to call planned: they must all be real commands.
    if (PLANNED_COMMANDS.length === 0) expect(COMMANDS.map((command) => command.name)).toEqual(expect.arrayContaining(['replay', 'report']));
  });

  it('names an unknown option of a command', async () => {
    await expectUsageError(['inspect', '--frob', 'x.md'], 'litops: unknown option --frob; see litops inspect --help');
    await expectUsageError(['inspect', 'x.md', '-z'], 'litops: unknown option -z; see litops inspect --help');
    await expectUsageError(['inspect', 'x.md', '--jsn'], 'litops: unknown option --jsn (did you mean --json?); see litops inspect --help');
  });

  it('names an unknown option before the command', async () => {
    await expectUsageError(['--frob'], 'litops: unknown option --frob; see litops --help');
    await expectUsageError(['--json', 'inspect', 'x.md'], 'litops: unknown option --json; see litops --help');
  });

  it('refuses a value for a flag', async () => {
    await expectUsageError(['inspect', 'x.md', '--json=yes'], 'litops: option --json takes no value; see litops inspect --help');
  });

  it('names a missing or extra argument', async () => {
    await expectUsageError(['inspect'], 'litops: missing FILE for inspect; see litops inspect --help');
    await expectUsageError(['inspect', '--json'], 'litops: missing FILE for inspect; see litops inspect --help');
    await expectUsageError(['inspect', 'a.md', 'b.md'], "litops: unexpected argument 'b.md' for inspect; see litops inspect --help");
  });

  it('says a folder that holds nothing of a run is not a run directory (verify, not TAMPERED)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'litops-not-run-'));
    try {
      await writeFile(join(dir, 'notes.txt'), 'not a run\n');
      await expectUsageError(['verify', dir], /^litops: .* is not a run directory \(it has no events\.jsonl, runbook\.md or out\/ files\)\n$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('hints say npx litops when npm started litops (npx litops, npm exec litops), litops otherwise', async () => {
    const viaNpx = await runLitops(['frobnicate'], { env: { npm_command: 'exec', npm_lifecycle_event: 'npx' } });
    expect(viaNpx.stderr).toBe("litops: unknown command 'frobnicate'; see npx litops --help\n");
    expect((await runLitops(['inspect'], { env: { npm_command: 'exec' } })).stderr).toBe('litops: missing FILE for inspect; see npx litops inspect --help\n');
    expect((await runLitops(['frobnicate'], { env: { npm_command: undefined } })).stderr).toBe("litops: unknown command 'frobnicate'; see litops --help\n");
    const dir = await mkdtemp(join(tmpdir(), 'litops-npx-'));
    try {
      await writeFile(join(dir, 'hi.md'), '# Hi\n```bash {name=hi}\necho hi\n```\n');
      const run = await runLitops(['run', join(dir, 'hi.md'), '--ci', '--log-dir', join(dir, 'runs')], { cwd: dir, env: { npm_command: 'exec', LITOPS_SIGNING_KEY: undefined } });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/\n {2}npx litops verify \S+\n/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

