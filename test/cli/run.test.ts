import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runLitops, type LitopsResult } from './run-litops.js';
import { createTestDatabase, getPostgresUrl, withSkipReason } from '../support/postgres.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'litops-run-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes a runbook into the test folder and runs `litops run` on it there. */
async function runRunbook(name: string, text: string, args: string[] = [], env: Record<string, string | undefined> = {}): Promise<LitopsResult> {
  const file = join(dir, name);
  await writeFile(file, text);
  return runLitops(['run', file, ...args], { cwd: dir, env: { DATABASE_URL: undefined, PGHOST: undefined, PGDATABASE: undefined, ...env }, timeoutMs: 60_000 });
}

const fence = (info: string, body: string) => `\`\`\`${info}\n${body}\n\`\`\`\n`;

describe('litops run --ci: shell cells', () => {
  it('carries variables, functions and the working directory; stdin is closed; prints a line per cell', async () => {
    const text = [
      '# State',
      '## Steps',
      fence('bash {name=one}', 'COUNT=41\nhello() { echo "hello $1"; }\ncd /tmp'),
      // `read` from stdin is blocking (it waits for a person in a terminal): a timeout lets it run unattended.
      fence('bash {name=two timeout=30s}', 'COUNT=$((COUNT + 1))\nhello world\npwd\nif read -r line; then echo "read $line"; else echo "stdin closed"; fi'),
      fence('bash {name=three expect="stdout contains \\"42 /tmp stdin closed\\""}', 'echo "$COUNT $(pwd) stdin closed"'),
    ].join('\n');
    const result = await runRunbook('state.md', text, ['--ci']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/✓ one /);
    expect(result.stdout).toMatch(/✓ two /);
    expect(result.stdout).toMatch(/✓ three /);
    expect(result.stdout).toMatch(/PASSED \(exit 0\)/);
    expect(result.stdout).toMatch(/3 passed, 0 failed, 0 skipped, 0 not run/);
  });

  it('stops at the first failure under set -e, shows its output tail, exit 1', async () => {
    const text = ['# Fails', fence('bash {name=boom}', 'echo before\nfalse\necho after'), fence('bash {name=never}', `touch ${join(dir, 'never-ran')}`)].join('\n');
    const result = await runRunbook('fails.md', text, ['--ci']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ boom failed exit 1/);
    expect(result.stdout).toContain('│ before');
    expect(result.stdout).not.toContain('after');
    expect(result.stdout).toMatch(/1 cell failed/);
    expect(result.stdout).toMatch(/0 passed, 1 failed, 0 skipped, 1 not run/);
    expect(existsSync(join(dir, 'never-ran'))).toBe(false);
  });

  it('--keep-going runs the rest after a failure', async () => {
    const text = ['# Fails', fence('bash {name=boom}', 'exit 4'), fence('bash {name=after}', 'echo still here')].join('\n');
    const result = await runRunbook('keep-going.md', text, ['--ci', '--keep-going']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ boom failed exit 4/);
    expect(result.stdout).toMatch(/✓ after/);
  });

  it('--timeout ends the cell and everything it started', async () => {
    const pidFile = join(dir, 'grandchild.pid');
    const text = ['# Slow', fence('bash {name=slow}', `sleep 300 &\necho $! > ${pidFile}\nwait`)].join('\n');
    const result = await runRunbook('slow.md', text, ['--ci', '--timeout', '1s']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ slow timed-out/);
    expect(result.stdout).toMatch(/timed out after 1000 ms/);
    const pid = Number((await import('node:fs')).readFileSync(pidFile, 'utf8'));
    // Killed is gone or a zombie waiting for init to reap it (which, under load, takes a moment).
    expect(await waitUntilDead(pid)).toBe(true);
  });
});

describe('litops run --ci: the gate', () => {
  const needsInputs = ['---', 'variables:', '  REGION: { description: the region to check }', '---', '# Inputs', fence('bash {name=use}', `echo "$REGION $ZONE" > ${'$'}{OUT:-/dev/null}`)].join('\n');

  it('names every missing input and runs nothing, exit 3', async () => {
    const result = await runRunbook('inputs.md', needsInputs, ['--ci']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/missing input REGION \(the region to check\)/);
    expect(result.stderr).toMatch(/missing input ZONE/);
    expect(result.stderr).toMatch(/nothing was run \(exit 3/);
    expect(result.stdout).toBe('');
  });

  it('takes inputs from --set, --env-file and the environment', async () => {
    await writeFile(join(dir, 'inputs.env'), 'ZONE=from-file\nREGION=ignored-file\n');
    const out = join(dir, 'inputs.out');
    const result = await runRunbook('inputs.md', needsInputs, ['--ci', '--set', 'REGION=from-set', '--env-file', join(dir, 'inputs.env')], { OUT: out });
    expect(result.code).toBe(0);
    expect((await import('node:fs')).readFileSync(out, 'utf8')).toBe('from-set from-file\n');
  });

  it('refuses destructive cells unless allowed by name, exit 3', async () => {
    const target = join(dir, 'victim');
    const text = ['# Cleanup', fence('bash {name=wipe}', `mkdir -p ${target}/x\nrm -rf ${target}`)].join('\n');
    const refused = await runRunbook('destructive.md', text, ['--ci']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/wipe \(.*destructive\.md:2\) is destructive: .*rm -r.*allow it with --allow-destructive=wipe/);
    const other = await runRunbook('destructive.md', text, ['--ci', '--allow-destructive=other']);
    expect(other.code).toBe(3);
    const allowed = await runRunbook('destructive.md', text, ['--ci', '--allow-destructive=wipe']);
    expect(allowed.code, `${allowed.stdout}${allowed.stderr}`).toBe(0);
    const all = await runRunbook('destructive.md', text, ['--ci', '--allow-destructive']);
    expect(all.code, `${all.stdout}${all.stderr}`).toBe(0);
  });

  it('--dry-run prints the plan with targets, masked secrets, destructive marks and expectations, and runs nothing', async () => {
    const marker = join(dir, 'dry-marker');
    const text = [
      '---',
      'variables:',
      '  API_TOKEN: { description: a token, default: tok-123456 }',
      '  SITE: { default: eu }',
      '---',
      '# Dry',
      fence('bash {name=touch expect="exit == 0"}', `touch ${marker}`),
      fence('sql {name=count}', 'SELECT 1'),
      fence('bash {name=wipe}', 'rm -rf /tmp/litops-nothing'),
    ].join('\n');
    const own = join(dir, 'dry-run-only');
    await (await import('node:fs/promises')).mkdir(own);
    await writeFile(join(own, 'dry.md'), text);
    const result = await runLitops(['run', join(own, 'dry.md'), '--dry-run'], { cwd: own, env: { DATABASE_URL: undefined, PGHOST: undefined, PGDATABASE: undefined } });
    expect(result.stdout).toMatch(/Plan: Dry/);
    expect(result.stdout).toMatch(/API_TOKEN = \[REDACTED\]/);
    expect(result.stdout).toMatch(/SITE = "eu"/);
    expect(result.stdout).toMatch(/count {2}sql → embedded PostgreSQL \(embedded\)/);
    expect(result.stdout).toMatch(/⚠ destructive: rm -r/);
    expect(result.stdout).toMatch(/expect exit == 0/);
    expect(result.stdout).toMatch(/A real run would refuse to start:\n {2}wipe/);
    expect(result.stdout).not.toContain('tok-123456');
    expect(result.code).toBe(3);
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(join(own, '.litops'))).toBe(false);
  });
});

describe('litops run --ci: secrets', () => {
  it('never prints a secret, even split across output chunks, in progress lines or --json', async () => {
    const secret = 'hunter2-very-secret';
    const text = [
      '---',
      'variables:',
      '  DB_PASSWORD: { description: the password }',
      '---',
      '# Leaky',
      fence('bash {name=leak expect="stdout contains \\"nope\\""}', `printf 'pw is hunter2-'\nsleep 0.3\nprintf 'very-secret\\n'\necho "$DB_PASSWORD" >&2`),
    ].join('\n');
    const result = await runRunbook('leaky.md', text, ['--ci', '--json', '--set', `DB_PASSWORD=${secret}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pw is [REDACTED]');
    expect(`${result.stdout}${result.stderr}`).not.toContain(secret);
    expect(`${result.stdout}${result.stderr}`).not.toContain('very-secret');
    const summary = JSON.parse(result.stdout) as { status: string; cells: Array<{ id: string; status: string }> };
    expect(summary.status).toBe('failed');
    expect(summary.cells).toEqual([expect.objectContaining({ id: 'leak', status: 'failed' })]);
  });
});

describe('litops run --ci: SQL on the embedded PostgreSQL', () => {
  it('announces the embedded target, keeps session state across cells, and fails with the server error and position', async () => {
    const text = [
      '# SQL',
      fence('sql {name=setup}', 'CREATE TEMP TABLE t (n int);\nINSERT INTO t VALUES (1), (2), (3);\nSET application_name = \'from-cell\';'),
      fence('sql {name=read expect="rows == 1" expect="value == 6"}', 'SELECT sum(n) FROM t;'),
      fence('sql {name=name expect="value == \\"from-cell\\""}', "SELECT current_setting('application_name');"),
      fence('sql {name=bad}', 'SELECT 1;\nSELECT nope FROM t;'),
    ].join('\n');
    const result = await runRunbook('sql.md', text, ['--ci']);
    expect(result.stdout).toMatch(/SQL target "embedded": embedded PostgreSQL \(PGlite\)/);
    expect(result.stdout).toMatch(/✓ setup/);
    expect(result.stdout).toMatch(/✓ read/);
    expect(result.stdout).toMatch(/✓ name/);
    expect(result.stdout).toMatch(/✗ bad failed/);
    expect(result.stdout).toMatch(/column "nope" does not exist/);
    expect(result.stdout).toMatch(/line 2/);
    expect(result.code).toBe(1);
  }, 60_000);
});

describe('the runbooks in runbooks/', () => {
  it('host-health.md runs every cell on this host; only manual criteria are left to a person (exit 3)', async () => {
    const result = await runLitops(['run', join(ROOT, 'runbooks/host-health.md'), '--ci', '--json'], { cwd: dir, timeoutMs: 60_000 });
    const summary = JSON.parse(result.stdout) as { status: string; reason: string; counts: Record<string, number>; criteria: Array<{ result: string; by: string }> };
    expect(summary.counts.failed).toBe(0);
    expect(summary.counts.notRun).toBe(0);
    expect(summary.counts.passed).toBe(8);
    const checks = summary.criteria.filter((c) => c.by === 'check');
    expect(checks.map((c) => c.result).every((r) => r === 'pass' || r === 'fail')).toBe(true);
    expect(checks).toHaveLength(3);
    expect(summary.criteria.filter((c) => c.result === 'unanswered')).toEqual([{ id: expect.any(String), result: 'unanswered', by: 'operator', evidence: null }, expect.anything(), expect.anything()]);
    // The load check may fairly fail on a busy CI machine; then the run is a failure, else it waits for a person.
    const allChecksPass = checks.every((c) => c.result === 'pass');
    expect(summary.status).toBe(allChecksPass ? 'needs-person' : 'failed');
    expect(result.code).toBe(allChecksPass ? 3 : 1);
  }, 60_000);

  it('postgres-health.md runs end to end on the embedded default with no server set up', async () => {
    const result = await runLitops(['run', join(ROOT, 'runbooks/postgres-health.md'), '--ci', '--json'], { cwd: dir, env: { DATABASE_URL: undefined, PGHOST: undefined, PGDATABASE: undefined }, timeoutMs: 90_000 });
    const summary = JSON.parse(result.stdout) as { counts: Record<string, number>; reason: string };
    expect(result.stderr).toMatch(/embedded PostgreSQL \(PGlite\)/);
    expect(summary.counts).toEqual({ passed: 19, failed: 0, skipped: 0, notRun: 0 });
    expect(summary.reason).toMatch(/^needs a person for: /);
    expect(result.code).toBe(3);
  }, 90_000);
});

describe('litops run --ci: captures and criteria', () => {
  it('a captured value feeds a later SQL cell as a psql variable, quoted; a failed bound criterion fails the run', async () => {
    const text = [
      '# Capture',
      '## Procedure',
      '1. **Pick a name**',
      '',
      fence('bash {name=pick capture=WHO}', "echo \"O'Brien\"").replace(/^/gm, '   '),
      '2. **Use it**',
      '',
      fence('sql {name=use expect="value == \\"O\'Brien!\\""}', "SELECT :'WHO' || '!' AS greeting;").replace(/^/gm, '   '),
      '## Success Criteria',
      '- The greeting is short <!-- litops: {"check":"use value == \\"too short\\""} -->',
    ].join('\n');
    const result = await runRunbook('capture.md', text, ['--ci', '--json'], { DATABASE_URL: undefined });
    const summary = JSON.parse(result.stdout) as { cells: Array<{ id: string; status: string }>; criteria: Array<{ result: string; evidence: string }>; reason: string };
    expect(summary.cells.map((c) => `${c.id}:${c.status}`)).toEqual(['pick:passed', 'use:passed']);
    expect(summary.criteria).toEqual([expect.objectContaining({ result: 'fail', evidence: expect.stringContaining("O'Brien!") })]);
    expect(summary.reason).toBe('1 criterion or answer failed');
    expect(result.code).toBe(1);
  }, 60_000);
});

describe.skipIf(!getPostgresUrl())(withSkipReason('the runbooks against the real PostgreSQL server'), () => {
  it('postgres-health.md runs end to end with --db, the password never shown', async () => {
    const database = await createTestDatabase('health');
    try {
      const result = await runLitops(['run', join(ROOT, 'runbooks/postgres-health.md'), '--ci', '--json', '--db', database.url], { cwd: dir, timeoutMs: 90_000 });
      const summary = JSON.parse(result.stdout) as { counts: Record<string, number>; reason: string };
      expect(result.stderr).toMatch(/SQL target "default": postgres:\/\/litops:\[REDACTED\]@127\.0\.0\.1:\d+\/health_\w+ \(from --db\), PostgreSQL 1\d/);
      expect(`${result.stdout}${result.stderr}`).not.toContain('s3cret-pw');
      expect(summary.counts).toEqual({ passed: 19, failed: 0, skipped: 0, notRun: 0 });
      expect(summary.reason).toMatch(/^needs a person for: /);
      expect(result.code).toBe(3);
    } finally {
      await database.drop();
    }
  }, 90_000);
});

describe('litops run --ci: what litops provides', () => {
  it('LITOPS_RUN_ID and LITOPS_CELL are set for each cell and are not inputs', async () => {
    const text = ['# Ids', fence('bash {name=ids expect="stdout matches /^run \\\\d{8}-\\\\d{6}-ids-[0-9a-f]{6} cell ids$/"}', 'echo "run $LITOPS_RUN_ID cell $LITOPS_CELL"')].join('\n');
    const result = await runRunbook('ids.md', text, ['--ci']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

/** Polls until the process is gone or a zombie (dead, not yet reaped); false if it still runs after 5 s. */
async function waitUntilDead(pid: number): Promise<boolean> {
  const { readFileSync } = await import('node:fs');
  for (let waited = 0; waited < 5000; waited += 50) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    try {
      if (/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))) return true;
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
