import { createHash } from 'node:crypto';
import type { CellStatus, EventOf, SqlStatementResult } from '../../../src/model/events.js';
import type { Cell, Runbook } from '../../../src/model/runbook.js';
import { loadSqlParser, parseRunbookSync } from '../../../src/parser/index.js';
import type { AttemptRecord, CellRecord, RunRecord } from '../../../src/reporters/run-record/index.js';

/** One attempt of a scenario; everything defaults to a quick pass printing `ran <cell id>`. */
export interface ScenarioAttempt {
  status?: CellStatus;
  exitCode?: number | null;
  signal?: string | null;
  stdout?: string;
  stderr?: string;
  durationMs?: number;
  /** The source the operator ran instead of the runbook's. */
  editedSource?: string;
  sql?: SqlStatementResult[];
  error?: string | null;
  expectations?: Array<{ passed: boolean; expected: string; actual: string; source: string }>;
  capture?: { name: string; value: string } | null;
  truncated?: boolean;
  /** No `cell.end`: the run was cut off during this attempt. */
  unfinished?: boolean;
}

/** A compact description of a run over a runbook (the `run.json` of a fixture folder). */
export interface Scenario {
  purpose?: string;
  verification?: Partial<RunRecord['verification']>;
  principal?: string;
  ephemeralKey?: boolean;
  /** Per cell id: its attempts, a skip with its reason, or `not-run`. Unlisted executable cells pass once. */
  cells?: Record<string, ScenarioAttempt[] | { skip: string | null } | 'not-run'>;
  end?: { status: EventOf<'run.end'>['status']; exitCode: number; reason: string } | null;
  criteria?: Record<string, { result: EventOf<'criterion'>['result']; by: EventOf<'criterion'>['by']; evidence?: string | null; note?: string | null }>;
  decisions?: Array<Partial<EventOf<'decision'>> & { action: EventOf<'decision'>['action'] }>;
  notices?: Array<{ level: 'info' | 'warning' | 'error'; message: string }>;
  /** Resumes by (possibly) another principal, before the attempt numbered `beforeAttempt` (default: first). */
  resumes?: Array<{ principal: string; reason: string; beforeAttempt?: number }>;
}

/** Parses `bytes` and builds the RunRecord `loadRunRecord` would give for `scenario`, with fixed times and keys. */
export async function buildTestRecord(bytes: Uint8Array, scenario: Scenario = {}): Promise<RunRecord> {
  await loadSqlParser();
  const { runbook } = parseRunbookSync(new TextDecoder().decode(bytes), { path: 'runbooks/input.md', bytes });
  const clock = createTestClock();
  const principal = scenario.principal ?? 'alice@example.com';
  const planned = runbook.cells.filter((cell) => cell.executable || scenario.cells?.[cell.id] !== undefined);
  const start = makeRunStart(runbook, planned, principal, scenario, clock());
  const events: RunRecord['events'] = [{ seq: 0, ...start }];
  const push = <T extends { ts: string; type: string }>(event: T): T => (events.push({ seq: events.length, ...event }), event);
  const resumeBefore = (attempt: number): void => {
    for (const { beforeAttempt, ...resume } of scenario.resumes ?? []) if ((beforeAttempt ?? 1) === attempt) push({ ts: clock(), type: 'run.resume', ...resume });
  };
  const decisions: Array<EventOf<'decision'>> = [];
  const cells: CellRecord[] = [];
  let attemptNumber = 0;
  for (const cell of planned) {
    const plan = scenario.cells?.[cell.id];
    const record: CellRecord = { id: cell.id, cell, attempts: [], status: 'not-run', decisions: [] };
    if (plan && !Array.isArray(plan) && plan !== 'not-run') {
      const skip = push<EventOf<'decision'>>({ ts: clock(), type: 'decision', action: 'skip', cell: cell.id, step: cell.step, reason: plan.skip, by: 'operator', source: null });
      record.decisions.push(skip);
      decisions.push(skip);
      record.status = 'skipped';
    } else if (plan !== 'not-run') {
      for (const attempt of plan ?? [{}]) {
        resumeBefore(attemptNumber + 1);
        record.attempts.push(makeAttempt(cell, ++attemptNumber, attempt, clock, push));
      }
      const last = record.attempts.at(-1)!;
      record.status = last.end?.status ?? 'cancelled';
    }
    cells.push(record);
  }
  for (const partial of scenario.decisions ?? []) {
    const decision = push<EventOf<'decision'>>({ ts: clock(), type: 'decision', cell: null, step: null, reason: null, by: 'operator', source: null, ...partial });
    decisions.push(decision);
    cells.find((c) => c.id === decision.cell)?.decisions.push(decision);
  }
  const criteria = runbook.criteria.map((criterion) => {
    const given = scenario.criteria?.[criterion.id];
    const event = given ? push<EventOf<'criterion'>>({ ts: clock(), type: 'criterion', criterion: criterion.id, evidence: null, note: null, ...given }) : null;
    return { criterion, id: criterion.id, event };
  });
  const notices = (scenario.notices ?? []).map((notice) => push<EventOf<'run.notice'>>({ ts: clock(), type: 'run.notice', ...notice }));
  const end = scenario.end === null ? null : push<EventOf<'run.end'>>({ ts: clock(), type: 'run.end', durationMs: 65_432, counts: countCells(cells), ...(scenario.end ?? { status: 'passed', exitCode: 0, reason: 'every cell passed' }) });
  const verification: RunRecord['verification'] = {
    status: 'valid',
    exitCode: 0,
    problems: [],
    checked: ['hash chain', 'SHA256SUMS', 'SHA256SUMS.sig'],
    signer: { principal, fingerprint: start.keyFingerprint, ephemeral: start.ephemeralKey },
    intactThrough: { seq: events.length - 1, checkpointSeq: null },
    ...scenario.verification,
  };
  return { runDir: '/tmp/runs/20240501-100000-input-abc123', verification, runbook, runbookBytes: bytes, start, end, resumes: events.filter((e) => e.type === 'run.resume'), events, cells, criteria, decisions, notices };
}

function makeRunStart(runbook: Runbook, planned: Cell[], principal: string, scenario: Scenario, ts: string): RunRecord['start'] {
  return {
    ts, type: 'run.start', runId: '20240501-100000-input-abc123', runbook: { path: runbook.path, sha256: runbook.sha256, title: runbook.title },
    options: { ci: true }, inputs: { REGION: 'eu-west-1', API_TOKEN: '[REDACTED]' }, inputSources: { REGION: '--set', API_TOKEN: 'environment' },
    host: 'ops-host-1', user: 'alice', toolVersion: '0.1.0', mode: 'ci', plan: planned.map((cell) => cell.id),
    principal, publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleExampleExampleExampleExample alice', keyFingerprint: 'SHA256:Q0xJxYp1c2FtcGxlLWZpbmdlcnByaW50LWZvci10ZXN0cw',
    ephemeralKey: scenario.ephemeralKey ?? false, gitCommit: '0123456789abcdef0123456789abcdef01234567',
  };
}

function makeAttempt(cell: Cell, attempt: number, given: ScenarioAttempt, clock: () => string, push: <T extends { ts: string; type: string }>(event: T) => T): AttemptRecord {
  const source = given.editedSource ?? cell.source;
  const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
  const lang = cell.lang === 'sql' ? 'sql' : 'shell';
  const start = push<EventOf<'cell.start'>>({ ts: clock(), type: 'cell.start', attempt, cell: cell.id, step: cell.step, lang, target: lang === 'sql' ? 'default' : 'shell', source, sha256: sha256(source), originalSha256: given.editedSource === undefined ? null : sha256(cell.source), cwd: '/srv/ops' });
  const stdout = given.stdout ?? (given.sql ? '' : `ran ${cell.id}\n`);
  const stderr = given.stderr ?? '';
  const status = given.status ?? 'passed';
  const end = given.unfinished ? null : push<EventOf<'cell.end'>>({
    ts: clock(), type: 'cell.end', attempt, cell: cell.id, status, exitCode: given.exitCode === undefined ? (status === 'passed' ? 0 : 1) : given.exitCode, signal: given.signal ?? null,
    durationMs: given.durationMs ?? 1234, expectations: given.expectations ?? [], error: given.error ?? null, capture: given.capture ?? null,
    stdout: { bytes: Buffer.byteLength(stdout), sha256: sha256(stdout) }, stderr: { bytes: Buffer.byteLength(stderr), sha256: sha256(stderr) }, tail: stdout.slice(-200), session: null,
  });
  if (end) push({ ts: end.ts, type: 'checkpoint', head: `sha256:${'0'.repeat(64)}`, signature: '-----BEGIN SSH SIGNATURE-----' });
  return { attempt, cellId: cell.id, start, end, stdout, stderr, truncated: given.truncated ?? false, sql: given.sql ?? null, edited: given.editedSource !== undefined };
}

function countCells(cells: readonly CellRecord[]): EventOf<'run.end'>['counts'] {
  const count = (statuses: string[]): number => cells.filter((cell) => statuses.includes(cell.status)).length;
  return { passed: count(['passed']), failed: count(['failed', 'timed-out', 'error', 'cancelled']), skipped: count(['skipped']), notRun: count(['not-run']) };
}

/** Times one second apart from 2024-05-01T10:00:00Z. */
function createTestClock(): () => string {
  let tick = 0;
  return () => new Date(Date.UTC(2024, 4, 1, 10, 0, tick++)).toISOString();
}
