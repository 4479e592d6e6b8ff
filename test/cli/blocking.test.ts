import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlan, createRun, createRunId, emitRunStart, runCell } from '../../src/executor/index.js';
import { createJournal, createSigner } from '../../src/journal/index.js';
import { RunPlanSchema } from '../../src/model/plan.js';
import { loadSqlParser, parseRunbook } from '../../src/parser/index.js';
import { runLitops, type LitopsResult } from './run-litops.js';

let dir: string;
let key: string;
const PRINCIPAL = 'oncall@example.com';
const env = { DATABASE_URL: undefined, LITOPS_SIGNING_KEY: undefined };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'litops-blocking-'));
  key = join(dir, 'signing_key');
  const made = await runLitops(['keygen', '--out', key, '--as', PRINCIPAL]);
  expect(made.code, made.stderr).toBe(0);
  await writeFile(join(dir, 'app.log'), 'service ready\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A runbook: a marker cell, a `tail -f` cell (with the attributes given), then a cell after it. */
function followRunbook(attributes: string): string {
  return [
    '# Follow the log',
    '',
    '## Watch',
    '',
    '1. **Mark the start**',
    '',
    '   ```bash {name=mark}',
    `   touch ${join(dir, 'marker')}`,
    '   ```',
    '',
    '2. **Follow the log**',
    '',
    `   \`\`\`bash {name=follow${attributes}}`,
    `   tail -f ${join(dir, 'app.log')}`,
    '   ```',
    '',
    '3. **After**',
    '',
    '   ```bash {name=after}',
    '   echo after',
    '   ```',
    '',
  ].join('\n');
}

/** The 1-based line of the `tail -f` fence and of its command in {@link followRunbook}. */
const FOLLOW_FENCE = 13;
const FOLLOW_COMMAND = 14;

async function run(name: string, text: string, args: string[]): Promise<LitopsResult & { logDir: string }> {
  const file = join(dir, name);
  await writeFile(file, text);
  const logDir = join(dir, `${name}.runs`);
  const result = await runLitops(['run', file, '--key', key, '--as', PRINCIPAL, '--log-dir', logDir, ...args], { cwd: dir, env, timeoutMs: 60_000 });
  return { ...result, logDir };
}

function readEvents(runDir: string): Array<Record<string, unknown> & { type: string }> {
  return readFileSync(join(runDir, 'events.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown> & { type: string });
}

function onlyRunDir(logDir: string): string {
  const [name, ...more] = readdirSync(logDir);
  expect(more).toEqual([]);
  return join(logDir, name!);
}

describe('litops run --ci: blocking cells', () => {
  it('refuses a tail -f cell with no timeout before anything runs: exit 3, naming it with file:line and its reason', async () => {
    const result = await run('refused.md', followRunbook(''), ['--ci']);
    expect(result.code).toBe(3);
    const file = join(dir, 'refused.md');
    expect(result.stderr).toContain(`litops: follow (${file}:${FOLLOW_FENCE}) is blocking: `);
    expect(result.stderr).toMatch(new RegExp(`is blocking: tail -f [^;]*\\(line ${FOLLOW_COMMAND}\\)`));
    expect(result.stderr).toMatch(/bound it with a timeout attribute/);
    expect(result.stderr).toMatch(/nothing was run \(exit 3: needs a person\)/);
    // Nothing ran: not even the cell before it, and there is no run directory, so no run.start nor any cell event.
    expect(existsSync(join(dir, 'marker'))).toBe(false);
    expect(existsSync(result.logDir)).toBe(false);
    expect(result.stdout).toBe('');
  });

  it('runs a tail -f cell with timeout=1s for that long, and it passes: timedOut and stopped by its timeout in the log', async () => {
    const result = await run('bounded.md', followRunbook(' timeout=1s'), ['--ci', '--report', `junit:${join(dir, 'bounded.xml')}`]);
    expect(result.code, `${result.stdout}${result.stderr}`).toBe(0);
    expect(result.stdout).toMatch(/✓ follow {2}1\.\ds/);
    expect(result.stdout).toMatch(/⏸ blocking \(tail -f .*\): ended by its 1s timeout, which bounds it; counted as done/);
    expect(result.stdout).toMatch(/✓ after/);
    expect(result.stdout).toMatch(/PASSED \(exit 0\)/);
    const runDir = onlyRunDir(result.logDir);
    const end = readEvents(runDir).find((event) => event.type === 'cell.end' && event.cell === 'follow');
    expect(end).toMatchObject({ status: 'passed', timedOut: true, signal: 'SIGTERM', error: null, tail: 'service ready\n', stopped: { by: 'timeout' } });
    expect(readFileSync(join(runDir, 'out/2.stdout'), 'utf8')).toBe('service ready\n');
    const junit = readFileSync(join(dir, 'bounded.xml'), 'utf8');
    expect(junit).toMatch(/<testcase [^>]*name="follow"[^>]*>\s*<system-out>blocking \(tail -f/);
    expect(junit).not.toContain('<failure');
    const verify = await runLitops(['verify', runDir], { cwd: dir, env });
    expect(verify.code, verify.stdout).toBe(0);
  });

  it('a sleep 3600 cell with no timeout of its own fails as timed out under --timeout 1s, which run.start records', async () => {
    const text = ['# Slow', '', '```bash {name=slow}', 'sleep 3600', '```', '', '```bash {name=never}', 'echo never', '```', ''].join('\n');
    const started = Date.now();
    const result = await run('slow.md', text, ['--ci', '--timeout', '1s']);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/✗ slow timed-out/);
    expect(result.stdout).toMatch(/timed out after 1000 ms/);
    expect(result.stdout).toMatch(/0 passed, 1 failed, 0 skipped, 1 not run/);
    const events = readEvents(onlyRunDir(result.logDir));
    expect(events[0]).toMatchObject({ type: 'run.start', timeout: { ms: 1000, source: '--timeout' } });
    expect(events.find((event) => event.type === 'cell.end')).toMatchObject({ cell: 'slow', status: 'timed-out', timedOut: true, stopped: null });
  });

  it('records the default of 30 minutes per cell as the effective timeout, in the log and in --json', async () => {
    const text = ['# Quick', '', '```bash {name=quick}', 'echo quick', '```', ''].join('\n');
    const result = await run('quick.md', text, ['--ci', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as { timeout: unknown; runDir: string };
    expect(summary.timeout).toEqual({ ms: 30 * 60 * 1000, source: 'default' });
    expect(readEvents(summary.runDir)[0]).toMatchObject({ type: 'run.start', timeout: { ms: 1_800_000, source: 'default' } });
  });

  it("the front matter's timeout wins over --timeout, and is recorded as such", async () => {
    const text = ['---', 'timeout: 5m', '---', '# Quick', '', '```bash {name=quick}', 'echo quick', '```', ''].join('\n');
    const result = await run('front-matter.md', text, ['--ci', '--json', '--timeout', '1s']);
    expect(result.code, result.stderr).toBe(0);
    expect((JSON.parse(result.stdout) as { timeout: unknown }).timeout).toEqual({ ms: 300_000, source: 'front-matter' });
  });
});

describe('run --help', () => {
  it('says how blocking cells and timeouts work, with the 30-minute default', async () => {
    const help = await runLitops(['run', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/blocking cell \(tail -f, watch,/);
    expect(help.stdout).toMatch(/else 30 minutes: an unattended run never hangs for ever/);
    expect(help.stdout).toMatch(/--timeout DURATION[\s\S]*default: 30m unattended, none in the terminal UI/);
  });
});

describe('litops run --dry-run and inspect: blocking marks', () => {
  it('--dry-run shows each blocking cell with its reasons and that a real run would refuse it (exit 3)', async () => {
    const result = await run('dry.md', followRunbook(''), ['--dry-run']);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/Per-cell timeout: 30m \(the default of an unattended run/);
    expect(result.stdout).toMatch(new RegExp(` {6}⏸ blocking: tail -f [^\\n]* \\(line ${FOLLOW_COMMAND}\\)\\n {6}a real run would refuse it`));
    expect(result.stdout).toMatch(/A real run would refuse to start:\n {2}follow \(.*dry\.md:13\) is blocking/);
    expect(existsSync(result.logDir)).toBe(false);
  });

  it('--dry-run with a timeout attribute says it is bounded, and a real run would start (exit 0)', async () => {
    const result = await run('dry-bounded.md', followRunbook(' timeout=1s'), ['--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/follow {2}shell {2}line 13 {2}timeout 1s\n {6}⏸ blocking: tail -f/);
    expect(result.stdout).toMatch(/bounded by its timeout: runs for 1s, and ending by it counts as done/);
    expect(result.stdout).toMatch(/Ready: a real run would start\./);
  });

  it('--dry-run --json carries blocking, its reasons, each cell timeout and the run timeout, and the problem of kind blocking', async () => {
    const result = await run('dry-json.md', followRunbook(''), ['--dry-run', '--json']);
    expect(result.code).toBe(3);
    const plan = RunPlanSchema.parse(JSON.parse(result.stdout));
    expect(plan.timeout).toEqual({ ms: 1_800_000, source: 'default' });
    const follow = plan.steps.flatMap((step) => step.cells).find((cell) => cell.id === 'follow')!;
    expect(follow).toMatchObject({ blocking: true, timeoutMs: 1_800_000, timeoutSource: 'default' });
    expect(follow.blockingReasons).toEqual([{ rule: expect.any(String), reason: expect.stringMatching(/^tail -f /), line: FOLLOW_COMMAND }]);
    expect(plan.problems).toEqual([{ kind: 'blocking', exitCode: 3, message: expect.stringMatching(/^follow \(.*dry-json\.md:13\) is blocking: tail -f/) }]);
    const mark = plan.steps.flatMap((step) => step.cells).find((cell) => cell.id === 'mark')!;
    expect(mark).toMatchObject({ blocking: false, blockingReasons: [] });
  });

  it('inspect shows each blocking mark with its reason and line, next to the destructive marks', async () => {
    const file = join(dir, 'inspect.md');
    await writeFile(file, `${followRunbook(' timeout=2s')}\n4. **Clean**\n\n   \`\`\`bash {name=clean}\n   rm -rf /tmp/litops-nothing-here\n   \`\`\`\n`);
    const result = await runLitops(['inspect', file], { cwd: dir, env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/· 1 destructive · 1 blocking ·/);
    expect(result.stdout).toMatch(new RegExp(`▸ follow {2}shell {2}line 13 {2}timeout 2s\\n {7}⏸ blocking: tail -f [^\\n]* \\(line ${FOLLOW_COMMAND}\\)`));
    expect(result.stdout).toMatch(/⚠ destructive: rm -r/);
  });
});

describe('resume --ci and replay: blocking cells are refused there too', () => {
  /**
   * Records a run as the terminal UI would: the operator runs `mark`, then (`all`)
   * ends the `tail -f` with Ctrl-C (a stop) and runs `after`; or (`mark`) leaves,
   * the run interrupted and resumable.
   */
  async function recordInteractiveRun(reach: 'mark' | 'all'): Promise<string> {
    const text = followRunbook('');
    const bytes = Buffer.from(text);
    await loadSqlParser();
    const { runbook } = await parseRunbook(text, { path: join(dir, 'recorded.md'), bytes });
    const runDir = join(dir, 'recorded.runs', createRunId(runbook.title, new Date()));
    const journal = await createJournal({ runDir, runbookBytes: bytes, signer: await createSigner({ keyPath: key, env: {} }), principal: PRINCIPAL, gitCommit: null });
    const { context, close } = await createRun({ runbook, runbookDir: dir, values: {}, db: null, sandbox: false, env: { PATH: process.env.PATH }, dataDir: join(dir, '.litops'), timeoutMs: null, mode: 'interactive', emit: journal.sink });
    try {
      const plan = buildPlan(runbook);
      await emitRunStart(context, { options: {}, inputSources: {}, mode: 'interactive', plan, toolVersion: '0.1.0' });
      for (const cell of reach === 'mark' ? plan.cells.slice(0, 1) : plan.cells) {
        const stop = new AbortController();
        if (cell.blocking) setTimeout(() => stop.abort(), 300);
        const outcome = await runCell(context, cell, { stop: stop.signal });
        expect(outcome.status).toBe('passed');
      }
      if (reach === 'all') {
        await journal.sink({ type: 'run.end', ts: new Date().toISOString(), status: 'passed', exitCode: 0, durationMs: 1, counts: { passed: 3, failed: 0, skipped: 0, notRun: 0 }, reason: 'every cell ran' });
        await journal.finish();
      } else await journal.abort();
    } finally {
      await close();
    }
    return runDir;
  }

  it('resume --ci refuses the blocking cell left to run and leaves the run directory as it was', async () => {
    const runDir = await recordInteractiveRun('mark');
    const before = readFileSync(join(runDir, 'events.jsonl'), 'utf8');
    const result = await runLitops(['resume', runDir, '--ci', '--key', key], { cwd: dir, env, timeoutMs: 60_000 });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/follow \(.*recorded\.md:13\) is blocking: tail -f/);
    expect(result.stderr).toMatch(/nothing was resumed/);
    expect(readFileSync(join(runDir, 'events.jsonl'), 'utf8')).toBe(before);
  });

  it('replay refuses a blocking cell the original ran in the terminal UI (ended by the operator)', async () => {
    const runDir = await recordInteractiveRun('all');
    const end = readEvents(runDir).find((event) => event.type === 'cell.end' && event.cell === 'follow');
    expect(end).toMatchObject({ status: 'passed', stopped: { by: 'operator' } });
    const logDir = join(dir, 'replays');
    const result = await runLitops(['replay', runDir, '--key', key, '--log-dir', logDir], { cwd: dir, env, timeoutMs: 60_000 });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/follow \(.*recorded\.md:13\) is blocking: tail -f/);
    expect(result.stderr).toMatch(/nothing was replayed/);
    expect(existsSync(logDir)).toBe(false);
  });
});
