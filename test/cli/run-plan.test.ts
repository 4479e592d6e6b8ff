import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunPlanSchema } from '../../src/model/plan.js';
import { BIN, runLitops, type LitopsResult } from './run-litops.js';

/** Two procedures, each reading its own input; one front-matter input no cell reads; two warnings and an info. */
const JOBS = `---
title: Two jobs
ownr: platform
variables:
  AUDIT_TOKEN: { description: read by the audit script, secret: true }
---
# Two jobs

## Restart the API

1. **Find the pod**

   \`\`\`bash {name=find-pod}
   POD="api-$API_HOST"
   \`\`\`

2. **Restart it**

   \`\`\`bash {name=restart nmae=restart-it}
   echo "restarting $POD" > "\${OUT:-/dev/null}"
   \`\`\`

   \`\`\`yaml see the chart
   replicas: 3
   \`\`\`

## Vacuum the database

1. **Vacuum**

   \`\`\`sql {name=vacuum expect="rows == 1"}
   SELECT :'DB_TABLE' AS t;
   \`\`\`

2. **Clear the scratch table**

   \`\`\`sql {name=clear}
   DELETE FROM scratch;
   \`\`\`
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'litops-run-plan-'));
  await writeFile(join(dir, 'jobs.md'), JOBS);
  await writeFile(join(dir, 'broken.md'), JOBS.replace('  AUDIT_TOKEN: { description', '  AUDIT_TOKEN: { descriptoin'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `litops run jobs.md ...` in the test folder, with no database or input in the environment. */
function runJobs(args: string[], env: Record<string, string | undefined> = {}): Promise<LitopsResult> {
  const none = { DATABASE_URL: undefined, PGHOST: undefined, PGDATABASE: undefined, API_HOST: undefined, DB_TABLE: undefined, AUDIT_TOKEN: undefined, POD: undefined, OUT: undefined };
  return runLitops(['run', 'jobs.md', ...args], { cwd: dir, env: { ...none, ...env }, timeoutMs: 60_000 });
}

const WARNINGS = [
  'jobs.md:3:1  warning  unknown front-matter key "ownr" is ignored; did you mean "owner"?  unknown-front-matter-key',
  'jobs.md:19:26  warning  unknown attribute "nmae" is ignored; did you mean "name"?  unknown-attribute',
];

describe('litops run: only the inputs the selected cells read', () => {
  it('the whole runbook asks for every input, the declared-but-unread one included', async () => {
    const result = await runJobs(['--ci']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/missing input AUDIT_TOKEN \(read by the audit script\)/);
    expect(result.stderr).toMatch(/missing input API_HOST/);
    expect(result.stderr).toMatch(/missing input DB_TABLE/);
  });

  it('--only one procedure asks only for its input, and runs with it', async () => {
    const asked = await runJobs(['--ci', '--only', 'restart-the-api']);
    expect(asked.code).toBe(3);
    expect(asked.stderr.match(/missing input \w+/g)).toEqual(['missing input API_HOST']);
    const out = join(dir, 'restart.out');
    const ran = await runJobs(['--ci', '--only', 'restart-the-api', '--set', 'API_HOST=h1', '--log-dir', join(dir, 'runs')], { OUT: out });
    expect(ran.code, ran.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('restarting api-h1\n');
  });

  it('a replay of an --only run asks for no input that run did not need', async () => {
    const logDir = join(dir, 'replayed.runs');
    const ran = await runJobs(['--ci', '--only', 'restart-the-api', '--set', 'API_HOST=h1', '--log-dir', logDir]);
    expect(ran.code, ran.stderr).toBe(0);
    const replayed = await runLitops(['replay', join(logDir, readdirSync(logDir)[0]!), '--log-dir', logDir], { cwd: dir, env: { AUDIT_TOKEN: undefined, DB_TABLE: undefined }, timeoutMs: 60_000 });
    expect(replayed.stderr).not.toMatch(/missing input/);
    expect(replayed.code, replayed.stdout + replayed.stderr).toBe(0);
  });

  it('asks for a variable whose setter is not selected, saying so', async () => {
    const result = await runJobs(['--ci', '--only', 'restart']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('litops: missing input POD (set by find-pod, which is not selected): give --set POD=...');
    expect(result.stderr).not.toMatch(/missing input (API_HOST|DB_TABLE|AUDIT_TOKEN)/);
  });

  it('--dry-run lists only the scoped inputs', async () => {
    const vacuum = await runJobs(['--dry-run', '--only', 'vacuum-the-database']);
    expect(vacuum.stdout).toMatch(/Inputs\n {2}DB_TABLE = MISSING\n\n/);
    expect(vacuum.stdout).not.toMatch(/API_HOST|AUDIT_TOKEN/);
    const restart = await runJobs(['--dry-run', '--only', 'restart', '--set', 'API_HOST=h1']);
    expect(restart.stdout).toMatch(/Inputs\n {2}POD = MISSING {2}· set by find-pod, which is not selected\n {2}OUT = not set \(optional\)\n\n/);
    const whole = await runJobs(['--dry-run', '--set', 'API_HOST=h1']);
    expect(whole.stdout).toMatch(/Inputs\n {2}AUDIT_TOKEN = MISSING {2}· read by the audit script\n {2}API_HOST = "h1" {2}\(--set\)\n {2}OUT = not set \(optional\)\n {2}DB_TABLE = MISSING\n\n/);
  });
});

describe('litops resume: only the inputs the remaining cells read', () => {
  const HELD = `---
variables:
  AUDIT_TOKEN: { description: read by the audit script, secret: true }
---
# Held

## Restart

1. **Find the pod**

   \`\`\`bash {name=find-pod}
   POD="api-$API_HOST"
   echo started > "$MARK"
   \`\`\`

2. **Hold**

   \`\`\`bash {name=hold}
   while [ ! -e "$GO" ]; do sleep 0.1; done
   \`\`\`

3. **Restart it**

   \`\`\`bash {name=bounce}
   echo "restarting $POD" > "$OUT"
   \`\`\`

## Vacuum

1. **Vacuum**

   \`\`\`bash {name=vacuum}
   echo "vacuum $DB_TABLE"
   \`\`\`
`;

  it('a killed --only run resumes without the inputs of the cells it left out, nor what its finished cells set', async () => {
    await writeFile(join(dir, 'held.md'), HELD);
    const [mark, go, out, logDir] = ['held.mark', 'held.go', 'held.out', 'held.runs'].map((name) => join(dir, name)) as [string, string, string, string];
    const args = ['run', 'held.md', '--ci', '--only', 'restart', '--log-dir', logDir, '--set', 'API_HOST=h1', '--set', `MARK=${mark}`, '--set', `GO=${go}`, '--set', `OUT=${out}`];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: 'ignore', env: { ...process.env, AUDIT_TOKEN: '', DB_TABLE: '' } });
    for (const started = Date.now(); !existsSync(mark); ) {
      if (Date.now() - started > 20_000) throw new Error('find-pod never ran');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    await writeFile(go, '');
    const runDir = join(logDir, readdirSync(logDir)[0]!);
    const resumed = await runLitops(['resume', runDir], { cwd: dir, env: { AUDIT_TOKEN: undefined, DB_TABLE: undefined, POD: undefined }, timeoutMs: 60_000 });
    expect(resumed.stderr).not.toMatch(/missing input/);
    expect(resumed.code, resumed.stdout + resumed.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('restarting api-h1\n');
  }, 60_000);
});

describe('litops run: warnings where people look', () => {
  it('a non-interactive run prints warnings (not info) to stderr before it starts', async () => {
    const result = await runJobs(['--ci', '--only', 'restart-the-api', '--set', 'API_HOST=h1', '--log-dir', join(dir, 'runs')]);
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n').slice(0, 2)).toEqual(WARNINGS);
    expect(result.stderr).not.toContain('ignored-fence-meta');
  });

  it('a refused run prints them too, then the problems', async () => {
    const result = await runJobs(['--ci']);
    expect(result.stderr.split('\n').slice(0, 3)).toEqual([...WARNINGS, 'litops: missing input AUDIT_TOKEN (read by the audit script): give --set AUDIT_TOKEN=..., --env-file, or the environment']);
  });

  it('an error is printed once, as a diagnostic, and refuses the run (exit 2)', async () => {
    const result = await runLitops(['run', 'broken.md', '--ci'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^broken\.md:5:\d+ {2}error {2}invalid front matter: .*did you mean "description"\? {2}invalid-front-matter$/m);
    expect(result.stderr.match(/did you mean "description"/g)).toHaveLength(1);
    expect(result.stderr).toMatch(/nothing was run \(exit 2: invalid input\)/);
  });

  it('--dry-run shows them in the plan, and not the info', async () => {
    const result = await runJobs(['--dry-run', '--only', 'restart-the-api']);
    expect(result.stdout).toContain(['Diagnostics (2)', ...WARNINGS.map((line) => `  ${line}`)].join('\n'));
    expect(result.stdout).not.toContain('ignored-fence-meta');
    expect(result.stderr).toBe('');
  });
});

describe('litops run --dry-run --json', () => {
  it('prints the plan as JSON that the schema accepts, secrets and passwords redacted, and runs nothing', async () => {
    const result = await runJobs(['--dry-run', '--json', '--db', 'postgres://app:s3cret@db.example/app', '--set', 'AUDIT_TOKEN=tok-98765', '--set', 'API_HOST=h1']);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(/s3cret|tok-98765/);
    const plan = RunPlanSchema.parse(JSON.parse(result.stdout));
    expect(plan.schemaVersion).toBe(1);
    expect(plan.runbook).toEqual({ title: 'Two jobs', path: 'jobs.md', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(plan.inputs.map(({ name, required, secret, value, source }) => ({ name, required, secret, value, source }))).toEqual([
      { name: 'AUDIT_TOKEN', required: true, secret: true, value: '[REDACTED]', source: '--set' },
      { name: 'API_HOST', required: true, secret: false, value: 'h1', source: '--set' },
      { name: 'OUT', required: false, secret: false, value: null, source: null },
      { name: 'DB_TABLE', required: true, secret: false, value: null, source: null },
    ]);
    expect(plan.steps.map((step) => [step.id, step.procedure, step.kind, step.role, step.cells.map((cell) => cell.id)])).toEqual([
      ['restart-the-api/find-the-pod', 'restart-the-api', 'cells', 'procedure', ['find-pod']],
      ['restart-the-api/restart-it', 'restart-the-api', 'cells', 'procedure', ['restart']],
      ['vacuum-the-database/vacuum', 'vacuum-the-database', 'cells', 'procedure', ['vacuum']],
      ['vacuum-the-database/clear-the-scratch-table', 'vacuum-the-database', 'cells', 'procedure', ['clear']],
    ]);
    const cells = new Map(plan.steps.flatMap((step) => step.cells.map((cell) => [cell.id, cell])));
    expect(cells.get('find-pod')).toMatchObject({ lang: 'shell', executable: true, block: 'command', dialect: null, target: null, destructive: false, line: 13 });
    expect(cells.get('vacuum')).toMatchObject({ lang: 'sql', target: { kind: 'postgres', description: 'postgres://app:[REDACTED]@db.example/app', source: '--db' } });
    expect(cells.get('vacuum')!.expectations.map((expectation) => expectation.source)).toEqual(['rows == 1']);
    expect(cells.get('clear')).toMatchObject({ destructive: true, reasons: [{ rule: expect.any(String), reason: expect.stringMatching(/DELETE/), line: 38 }] });
    expect(plan.steps[1]!.skipped).toEqual([{ id: 'restart-the-api/restart-it/2', line: 23, lang: 'yaml', executable: false, block: 'configuration', reason: 'yaml block: shown, not run' }]);
    expect(plan.problems.map((problem) => [problem.kind, problem.exitCode])).toEqual([['input', 3], ['destructive', 3]]);
    expect(plan.diagnostics.map((diagnostic) => diagnostic.rule)).toEqual(['unknown-front-matter-key', 'unknown-attribute']);
    expect(existsSync(join(dir, '.litops'))).toBe(false);
  });

  it('a plan a real run would start exits 0; a scoped one lists only its inputs', async () => {
    const result = await runJobs(['--dry-run', '--json', '--only', 'restart-the-api', '--set', 'API_HOST=h1']);
    expect(result.code).toBe(0);
    const plan = RunPlanSchema.parse(JSON.parse(result.stdout));
    expect(plan.selection).toEqual({ only: ['restart-the-api'], from: null, to: null, tags: [] });
    expect(plan.inputs.map((input) => input.name)).toEqual(['API_HOST', 'OUT']);
    expect(plan.problems).toEqual([]);
  });

  it('exits 2 with the error diagnostic among the problems', async () => {
    const result = await runLitops(['run', 'broken.md', '--dry-run', '--json'], { cwd: dir });
    expect(result.code).toBe(2);
    const plan = RunPlanSchema.parse(JSON.parse(result.stdout));
    expect(plan.problems[0]).toMatchObject({ kind: 'diagnostic', exitCode: 2 });
    expect(plan.diagnostics[0]).toMatchObject({ severity: 'error', rule: 'invalid-front-matter' });
  });
});
