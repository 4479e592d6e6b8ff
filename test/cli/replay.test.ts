import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyRecordedEdits } from '../../src/cli/replay/apply-recorded-edits.js';
import { computeDrift } from '../../src/cli/replay/compute-drift.js';
import { restoreRedactedSource } from '../../src/cli/replay/restore-redacted-source.js';
import { buildPlan, createRun, createRunId, emitRunStart, runCell } from '../../src/executor/index.js';
import { createJournal, createSigner } from '../../src/journal/index.js';
import type { EventOf, RunEvent } from '../../src/model/events.js';
import { loadSqlParser, parseRunbook } from '../../src/parser/index.js';
import { runLitops } from './run-litops.js';

let dir: string;
let key: string;
let allowedSigners: string;
const PRINCIPAL = 'replayer@example.com';
const TOKEN = 'tok-4f9a2c77';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'litops-replay-'));
  key = join(dir, 'signing_key');
  const made = await runLitops(['keygen', '--out', key, '--as', PRINCIPAL]);
  expect(made.code, made.stderr).toBe(0);
  allowedSigners = join(dir, 'allowed_signers');
  await writeFile(allowedSigners, made.stdout);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const fence = (info: string, body: string) => `\`\`\`${info}\n${body}\n\`\`\`\n`;
const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const env = { DATABASE_URL: undefined, LITOPS_SIGNING_KEY: undefined, API_TOKEN: undefined, DATA_FILE: undefined };
const signing = () => ['--key', key, '--as', PRINCIPAL];

/** A runbook that reads a file: an expectation on its content, a capture, a secret, a skipped cell, a bound and a manual criterion. */
const DATA_RUNBOOK = [
  '---',
  'variables:',
  '  API_TOKEN: {secret: true, description: the API token}',
  '---',
  '# Data check',
  '',
  '## Procedure',
  '',
  '1. **Read the status**',
  '',
  '   <!-- litops: {"name":"read","expect":["stdout contains \\"status: ok\\""],"capture":"STATUS"} -->',
  '   ```bash',
  '   cat "$DATA_FILE"',
  '   grep -q "status: ok" "$DATA_FILE"',
  '   ```',
  '',
  '2. **Use the token**',
  '',
  '   ```bash {name=use}',
  '   test -n "$API_TOKEN" && echo "token given; $STATUS"',
  '   ```',
  '',
  '3. **Not tonight**',
  '',
  '   ```bash {name=optional skip=true}',
  '   echo never',
  '   ```',
  '',
  '### Success Criteria',
  '',
  '- The status is ok <!-- litops: {"check":"read stdout contains \\"status: ok\\""} -->',
  '- Someone looked at the dashboard',
  '',
].join('\n');

function readEvents(runDir: string): Array<Record<string, unknown> & { type: string }> {
  return readFileSync(join(runDir, 'events.jsonl'), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown> & { type: string });
}

/** The single run directory a command wrote into `logDir` (or '' when none). */
function onlyRunDir(logDir: string): string {
  const runs = existsSync(logDir) ? readdirSync(logDir) : [];
  return runs.length === 1 ? join(logDir, runs[0]!) : '';
}

/** `litops run` with the test key into a fresh log dir; returns the run directory. */
async function record(name: string, text: string, args: string[], extraEnv: Record<string, string> = {}): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, text);
  const logDir = join(dir, `${name}.runs`);
  const result = await runLitops(['run', file, '--ci', ...signing(), '--log-dir', logDir, ...args], { cwd: dir, env: { ...env, ...extraEnv }, timeoutMs: 60_000 });
  expect(result.stderr).not.toMatch(/Error|at .*\.js/);
  const runDir = onlyRunDir(logDir);
  expect(runDir, result.stdout + result.stderr).not.toBe('');
  return runDir;
}

/** `litops replay RUNDIR` into a fresh log dir; returns the result and the new run directory ('' when none). */
async function replay(runDir: string, args: string[], extraEnv: Record<string, string> = {}) {
  const logDir = join(dir, `replays-${Math.random().toString(36).slice(2)}`);
  const result = await runLitops(['replay', runDir, ...signing(), '--log-dir', logDir, ...args], { cwd: dir, env: { ...env, ...extraEnv }, timeoutMs: 60_000 });
  return { result, replayDir: onlyRunDir(logDir) };
}

interface DriftJson {
  original: { runId: string; runDir: string; sha256OfEvents: string; status: string };
  replay: { runId: string; runDir: string; status: string };
  exitCode: number;
  drift: boolean;
  outputDrift: boolean;
  compared: { cells: number; criteria: number };
  manualCriteria: string[];
  rows: Array<{ id: string; kind: string; detail: string | null; before: unknown; after: unknown; failing: boolean }>;
}

describe('litops replay of a runbook that reads a file', () => {
  let dataFile: string;
  let original: string;

  beforeAll(async () => {
    dataFile = join(dir, 'status.txt');
    await writeFile(dataFile, 'status: ok\n');
    original = await record('data.md', DATA_RUNBOOK, ['--set', `API_TOKEN=${TOKEN}`], { DATA_FILE: dataFile });
  }, 60_000);

  it('unchanged: exit 0, a new signed run directory whose run.start names the original, same skips, verify passes', async () => {
    await writeFile(dataFile, 'status: ok\n');
    const { result, replayDir } = await replay(original, ['--set', `API_TOKEN=${TOKEN}`]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^NO DRIFT \(exit 0\)/m);
    expect(result.stdout).toContain('not compared (decided by a person, not reproducible unattended): data-check/someone-looked-at-the-dashboard');
    expect(replayDir).not.toBe('');
    expect(readFileSync(join(replayDir, 'runbook.md'))).toEqual(readFileSync(join(original, 'runbook.md')));

    const [start, ...rest] = readEvents(replayDir);
    const originalStart = readEvents(original)[0]!;
    expect(start!.replayOf).toEqual({ runId: originalStart.runId, runDir: original, sha256OfEvents: sha256(readFileSync(join(original, 'events.jsonl'))) });
    expect(start!.plan).toEqual(['read', 'use']);
    expect(start!.inputs).toEqual({ API_TOKEN: '[REDACTED]', DATA_FILE: dataFile });
    expect(start!.inputSources).toEqual({ API_TOKEN: '--set', DATA_FILE: 'recorded' });
    expect(rest).toContainEqual(expect.objectContaining({ type: 'decision', action: 'skip', cell: 'optional', reason: 'as in the original run: skip attribute (excludeFromRunAll)' }));
    expect(readFileSync(join(replayDir, 'events.jsonl'), 'utf8')).not.toContain(TOKEN);

    const verified = await runLitops(['verify', replayDir, '--allowed-signers', allowedSigners]);
    expect(verified.stdout).toContain(PRINCIPAL);
    expect(verified.code).toBe(0);
    // The original is only read.
    expect((await runLitops(['verify', original, '--allowed-signers', allowedSigners])).code).toBe(0);
  }, 60_000);

  it('the file changed: exit code, expectations, criterion and output digest drift; exit 1', async () => {
    await writeFile(dataFile, 'status: down\n');
    const { result } = await replay(original, ['--set', `API_TOKEN=${TOKEN}`]);
    expect(result.code).toBe(1);
    const table = result.stdout.slice(result.stdout.indexOf('Replay of'));
    expect(table).toMatch(/needs-person → failed/);
    expect(table).toMatch(/^ {2}cell +what drifted +before → after$/m);
    expect(table).toMatch(/^ {2}read +status +passed → failed$/m);
    expect(table).toMatch(/^ {2}read +exit code +0 → 1$/m);
    expect(table).toMatch(/^ {2}read +expect exit == 0 +passed → failed$/m);
    expect(table).toMatch(/^ {2}read +expect stdout contains "status: ok" +passed → failed$/m);
    expect(table).toMatch(/^ {2}read +stdout sha256 +[0-9a-f]{12} \(11 B\) → [0-9a-f]{12} \(13 B\)$/m);
    expect(table).toMatch(/^ {2}use +status +passed → not run$/m);
    expect(table).toMatch(/^ {2}data-check\/the-status-is-ok +criterion +pass → fail$/m);
    expect(table).not.toMatch(/optional/);
    expect(table).toMatch(/^DRIFT \(exit 1\): 6 changes .*; 1 output digest changed/m);
  }, 60_000);

  it('--json prints the drift as JSON on stdout (progress on stderr); --ignore-output drops digests, not the exit code', async () => {
    await writeFile(dataFile, 'status: down\n');
    const { result, replayDir } = await replay(original, ['--set', `API_TOKEN=${TOKEN}`, '--json', '--ignore-output']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Run directory:');
    const json = JSON.parse(result.stdout) as DriftJson;
    expect(json).toMatchObject({ exitCode: 1, drift: true, outputDrift: false, compared: { cells: 3, criteria: 1 }, replay: { runDir: replayDir, status: 'failed' }, original: { runDir: original, status: 'needs-person' } });
    expect(json.rows.map((row) => [row.id, row.kind, row.detail, row.before, row.after])).toEqual([
      ['read', 'status', null, 'passed', 'failed'],
      ['read', 'exit-code', null, 0, 1],
      ['read', 'expectation', 'exit == 0', 'passed', 'failed'],
      ['read', 'expectation', 'stdout contains "status: ok"', 'passed', 'failed'],
      ['use', 'status', null, 'passed', 'not run'],
      ['data-check/the-status-is-ok', 'criterion', null, 'pass', 'fail'],
    ]);
  }, 60_000);

  it('output drift alone is reported but exits 0; --ignore-output hides it', async () => {
    await writeFile(dataFile, 'status: ok (checked again)\n');
    const { result } = await replay(original, ['--set', `API_TOKEN=${TOKEN}`, '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as DriftJson;
    expect(json).toMatchObject({ exitCode: 0, drift: false, outputDrift: true });
    expect(json.rows.map((row) => [row.id, row.kind, row.failing])).toEqual([['read', 'stdout', false], ['use', 'stdout', false]]);
    expect(json.rows[0]!.before).toMatch(/^[0-9a-f]{64}$/);

    const ignored = await replay(original, ['--set', `API_TOKEN=${TOKEN}`, '--ignore-output']);
    expect(ignored.result.code).toBe(0);
    expect(ignored.result.stdout).toMatch(/outputs ignored/);
    expect(ignored.result.stdout).toMatch(/^NO DRIFT \(exit 0\)/m);
  }, 60_000);

  it('a secret given again through the environment works as --set does', async () => {
    await writeFile(dataFile, 'status: ok\n');
    const { result } = await replay(original, [], { API_TOKEN: TOKEN });
    expect(result.code).toBe(0);
  }, 60_000);

  it('a missing secret: exit 3 naming it, and nothing is run or written', async () => {
    const { result, replayDir } = await replay(original, []);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('missing input API_TOKEN: the original run had it, but secrets are never logged; give it again with --set API_TOKEN=...');
    expect(result.stderr).toContain('nothing was replayed (exit 3');
    expect(replayDir).toBe('');
  }, 60_000);

  it('--set changing a recorded input is a usage error (exit 2)', async () => {
    const { result, replayDir } = await replay(original, ['--set', `API_TOKEN=${TOKEN}`, '--set', 'DATA_FILE=/elsewhere']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--set DATA_FILE: the original run had DATA_FILE=${JSON.stringify(dataFile)}`);
    expect(replayDir).toBe('');
  }, 60_000);

  it('refuses a tampered original (exit 1)', async () => {
    const copy = join(dir, 'tampered-run');
    await rm(copy, { recursive: true, force: true });
    const { cpSync } = await import('node:fs');
    cpSync(original, copy, { recursive: true });
    await appendFile(join(copy, 'out/1.stdout'), 'forged\n');
    const { result, replayDir } = await replay(copy, ['--set', `API_TOKEN=${TOKEN}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/does not verify \(tampered\)/);
    expect(replayDir).toBe('');
  }, 60_000);

  it('is listed in --help and has its own help', async () => {
    const help = await runLitops(['replay', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: litops replay RUNDIR/m);
    for (const option of ['--set', '--env-file', '--db', '--sandbox', '--timeout', '--key', '--as', '--log-dir', '--ignore-output', '--json', '--allow-destructive']) expect(help.stdout).toContain(option);
  });
});

describe('litops replay of a destructive cell', () => {
  it('is refused like run (exit 3) unless --allow-destructive names it', async () => {
    const scratch = join(dir, 'scratch');
    const text = ['# Scratch', '', '## Steps', '', fence('bash {name=wipe}', 'rm -rf "$SCRATCH_DIR"')].join('\n');
    const original = await record('wipe.md', text, ['--allow-destructive=wipe'], { SCRATCH_DIR: scratch });
    const refused = await replay(original, []);
    expect(refused.result.code).toBe(3);
    expect(refused.result.stderr).toMatch(/wipe .* is destructive: .*allow it with --allow-destructive=wipe/);
    expect(refused.replayDir).toBe('');
    const allowed = await replay(original, ['--allow-destructive=wipe']);
    expect(allowed.result.code).toBe(0);
  }, 60_000);
});

const EDITED_RUNBOOK = [
  '---',
  'variables:',
  '  API_TOKEN: {secret: true}',
  '---',
  '# Edited',
  '',
  '## Steps',
  '',
  '1. **Greet**',
  '',
  fence('bash {name=greet}', 'echo "hello from the runbook"'),
  '2. **Call the API**',
  '',
  fence('bash {name=call}', 'test -n "$API_TOKEN" && echo calling'),
].join('\n');

/**
 * Records a run in which an operator edited cells, as the terminal UI would:
 * the real executor runs the edits (runCell's `source`) into a real signed journal.
 */
async function recordEditedRun(edits: Record<string, string>): Promise<string> {
  const bytes = Buffer.from(EDITED_RUNBOOK);
  await loadSqlParser();
  const { runbook } = await parseRunbook(EDITED_RUNBOOK, { path: join(dir, 'edited.md'), bytes });
  const runDir = join(dir, 'edited.runs', createRunId(runbook.title, new Date()));
  const journal = await createJournal({ runDir, runbookBytes: bytes, signer: await createSigner({ keyPath: key, env: {} }), principal: PRINCIPAL, gitCommit: null });
  const values = { API_TOKEN: TOKEN };
  const { context, close } = await createRun({ runbook, runbookDir: dir, values, db: null, sandbox: false, env: { PATH: process.env.PATH }, dataDir: join(dir, '.litops'), timeoutMs: null, emit: journal.sink });
  const ts = () => new Date().toISOString();
  try {
    const plan = buildPlan(runbook);
    await emitRunStart(context, { options: {}, inputSources: { API_TOKEN: '--set' }, mode: 'interactive', plan, toolVersion: '0.1.0' });
    for (const { step, cells } of plan.steps) {
      await journal.sink({ type: 'step.start', ts: ts(), step: step.id, title: step.title, procedure: step.procedure });
      for (const cell of cells) {
        const source = edits[cell.id];
        if (source !== undefined) await journal.sink({ type: 'decision', ts: ts(), action: 'edit', cell: cell.id, step: step.id, reason: 'fixed by hand', by: 'operator', source: context.redactor.redact(source) });
        const outcome = await runCell(context, cell, source === undefined ? {} : { source });
        expect(outcome.status).toBe('passed');
      }
      await journal.sink({ type: 'step.end', ts: ts(), step: step.id, status: 'passed' });
    }
    await journal.sink({ type: 'run.end', ts: ts(), status: 'passed', exitCode: 0, durationMs: 1, counts: { passed: plan.cells.length, failed: 0, skipped: 0, notRun: 0 }, reason: 'every cell ran' });
    await journal.finish();
  } finally {
    await close();
  }
  return runDir;
}

describe('litops replay of edited cells', () => {
  const greetEdit = 'echo "hello from the edit"';
  const callEdit = `test "$API_TOKEN" = "${TOKEN}" && echo "edited call"`;
  let original: string;

  beforeAll(async () => {
    original = await recordEditedRun({ greet: greetEdit, call: callEdit });
    const starts = readEvents(original).filter((event) => event.type === 'cell.start');
    expect(starts.map((start) => start.source)).toEqual([greetEdit, 'test "$API_TOKEN" = "[REDACTED]" && echo "edited call"']);
  }, 60_000);

  it('runs the sources as actually run: the edit, and an edit whose secret the input given now restores (proven by its sha256)', async () => {
    const { result, replayDir } = await replay(original, ['--set', `API_TOKEN=${TOKEN}`]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^NO DRIFT \(exit 0\)/m);
    const events = readEvents(replayDir);
    const starts = events.filter((event) => event.type === 'cell.start') as unknown as Array<EventOf<'cell.start'>>;
    expect(starts.map((start) => [start.cell, start.sha256, start.originalSha256])).toEqual([
      ['greet', sha256(greetEdit), sha256('echo "hello from the runbook"')],
      ['call', sha256(callEdit), sha256('test -n "$API_TOKEN" && echo calling')],
    ]);
    expect(readFileSync(join(replayDir, 'out/1.stdout'), 'utf8')).toBe('hello from the edit\n');
    expect(readFileSync(join(replayDir, 'out/2.stdout'), 'utf8')).toBe('edited call\n');
    expect(events.filter((event) => event.type === 'decision' && event.action === 'edit').map((event) => event.cell)).toEqual(['greet', 'call']);
    expect(readFileSync(join(replayDir, 'events.jsonl'), 'utf8')).not.toContain(TOKEN);
    expect((await runLitops(['verify', replayDir, '--allowed-signers', allowedSigners])).code).toBe(0);
  }, 60_000);

  it('refuses (exit 3) when no secret given restores the redacted edit, naming the cell', async () => {
    const { result, replayDir } = await replay(original, ['--set', 'API_TOKEN=some-other-token']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^litops: call: edited in the original run, and the edit held a secret that the log keeps only as \[REDACTED\]/m);
    expect(result.stderr).not.toMatch(/greet/);
    expect(replayDir).toBe('');
  }, 60_000);
});

describe('computeDrift', () => {
  const ts = '2026-01-01T00:00:00.000Z';
  const start = (plan: string[]): RunEvent => ({ type: 'run.start', ts, runId: 'r', runbook: { path: null, sha256: 'x', title: 't' }, options: {}, inputs: {}, inputSources: {}, host: 'h', user: 'u', toolVersion: '0', mode: 'ci', plan });
  const end = (cell: string, fields: Partial<EventOf<'cell.end'>> = {}): RunEvent => ({
    type: 'cell.end', ts, attempt: 1, cell, status: 'passed', exitCode: null, signal: null, durationMs: 1, expectations: [], error: null, capture: null,
    stdout: { bytes: 1, sha256: 'a' }, stderr: { bytes: 0, sha256: 'e' }, tail: '', session: null, ...fields,
  });
  const criterion = (id: string, result: EventOf<'criterion'>['result'], by: EventOf<'criterion'>['by']): RunEvent => ({ type: 'criterion', ts, criterion: id, result, by, evidence: null, note: null });

  it('compares the last attempt of each cell; SQL cells (exit code null) by status; manual criteria are not compared', () => {
    const before = [start(['q']), end('q', { status: 'failed', attempt: 1 }), end('q', { attempt: 2 }), criterion('c', 'pass', 'check'), criterion('m', 'pass', 'operator')];
    const after = [start(['q']), end('q', { attempt: 1 }), criterion('c', 'pass', 'check'), criterion('m', 'unanswered', 'operator')];
    expect(computeDrift(before, after)).toEqual({ rows: [], compared: { cells: 1, criteria: 1 }, manualCriteria: ['m'], drift: false, outputDrift: false });
  });

  it('a skipped cell that is not reached is no drift; a cell that ran and now does not is', () => {
    const skip: RunEvent = { type: 'decision', ts, action: 'skip', cell: 's', step: 'x', reason: null, by: 'policy', source: null };
    const report = computeDrift([start(['a', 'b']), skip, end('a'), end('b')], [start(['a', 'b']), end('a', { status: 'failed' })]);
    expect(report.rows.map((row) => [row.id, row.kind, row.before, row.after])).toEqual([['a', 'status', 'passed', 'failed'], ['b', 'status', 'passed', 'not run']]);
    expect(report.drift).toBe(true);
  });

  it('expectations by source, including one only one side has', () => {
    const passed = { expected: 'e', actual: 'a', passed: true };
    const report = computeDrift([start(['a']), end('a', { expectations: [{ ...passed, source: 'exit == 0' }] })], [start(['a']), end('a', { expectations: [{ ...passed, source: 'exit == 0' }, { ...passed, passed: false, source: 'rows == 0' }], stderr: { bytes: 3, sha256: 'f' } })], { ignoreOutput: false });
    expect(report.rows.map((row) => [row.kind, row.detail, row.before, row.after, row.failing])).toEqual([['expectation', 'rows == 0', null, 'failed', true], ['stderr', null, 'e', 'f', false]]);
  });
});

describe('restoreRedactedSource', () => {
  it('puts back the value whose text hashes to the recorded sha256, in every slot', () => {
    const text = 'curl -H "Bearer abc" x && echo abc';
    expect(restoreRedactedSource('curl -H "Bearer [REDACTED]" x && echo [REDACTED]', sha256(text), ['zzz', 'abc'])).toBe(text);
    expect(restoreRedactedSource('echo [REDACTED]', sha256('echo [REDACTED]'), [])).toBe('echo [REDACTED]');
    expect(restoreRedactedSource('echo [REDACTED]', sha256('echo secret'), ['other'])).toBeNull();
  });
});

describe('applyRecordedEdits', () => {
  it('runs the edit and judges its safety anew (an edit may add rm -rf), leaving the runbook as it was', async () => {
    await loadSqlParser();
    const { runbook } = await parseRunbook(EDITED_RUNBOOK);
    const edited = applyRecordedEdits(runbook, new Map([['greet', 'rm -rf /tmp/litops-replay-scratch']]));
    const greet = edited.cells.find((cell) => cell.id === 'greet')!;
    expect(greet).toMatchObject({ source: 'rm -rf /tmp/litops-replay-scratch', destructive: true });
    expect(greet.reasons[0]?.line).toBe(runbook.cells.find((cell) => cell.id === 'greet')!.sourceLine);
    expect(runbook.cells.find((cell) => cell.id === 'greet')).toMatchObject({ source: 'echo "hello from the runbook"', destructive: false });
    expect(edited.cells.find((cell) => cell.id === 'call')).toBe(runbook.cells.find((cell) => cell.id === 'call'));
  });
});
