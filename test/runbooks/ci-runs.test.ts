/**
 * Every runbook in runbooks/ run the way CI runs it: through the real CLI
 * (`litops run FILE --ci --answers FILE.answers.yaml`), for real, against the
 * PostgreSQL server the test harness started (a fresh database per story,
 * demo-setup.md first so the checks have something to find) or on the
 * embedded default; then each run directory verified (`litops verify` exit 0)
 * and searched for the database password. The run directories are kept in
 * test-output/runbooks/ (gitignored) as artifacts, with the allowed_signers
 * file that verifies them.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runLitops, type LitopsResult } from '../cli/run-litops.js';
import { createTestDatabase, getPostgresUrl, queryAsAdmin, withSkipReason, type TestDatabase } from '../support/postgres.js';

const RUNBOOKS = join(ROOT, 'runbooks');
const OUT = join(ROOT, 'test-output', 'runbooks');
const PRINCIPAL = 'ci-runbooks@litops.test';

/** Every runbook shipped, and where this file runs it. A new runbook must be added here (and get an answers file). */
const COVERED = {
  'demo-setup.md': 'before every story below, on the embedded default and on each fresh database',
  'postgres-health.md': 'embedded default; real server before and after maintenance',
  'host-health.md': 'this host',
  'postgres-maintenance.md': 'real server, between the two health checks',
  'backup-restore-drill.md': 'real server',
  'incident-connection-exhaustion.md': 'real server, against sessions this test opens',
};

let keyDir: string;
let key: string;
let allowedSigners: string;
let runCount = 0;

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  keyDir = await mkdtemp(join(tmpdir(), 'litops-ci-runs-key-'));
  key = join(keyDir, 'signing_key');
  const made = await runLitops(['keygen', '--out', key, '--as', PRINCIPAL]);
  expect(made.code, made.stderr).toBe(0);
  allowedSigners = join(OUT, 'allowed_signers');
  writeFileSync(allowedSigners, made.stdout);
});
afterAll(() => rm(keyDir, { recursive: true, force: true }));

/** No database from the caller's environment: each run names its own with --db (or none). */
const NO_DATABASE_ENV: Record<string, undefined> = {
  DATABASE_URL: undefined,
  LITOPS_SIGNING_KEY: undefined,
  ...Object.fromEntries(Object.keys(process.env).filter((name) => name.startsWith('PG')).map((name) => [name, undefined])),
};

interface Summary {
  status: string;
  exitCode: number;
  reason: string;
  counts: { passed: number; failed: number; skipped: number; notRun: number };
  cells: Array<{ id: string; status: string }>;
  criteria: Array<{ id: string; result: string; by: string; evidence: string | null }>;
}

interface Event {
  type: string;
  cell?: string;
  attempt?: number;
  action?: string;
  by?: string;
  capture?: { name: string; value: string } | null;
}

interface StatementResult {
  columns: Array<{ name: string }>;
  rows: unknown[][];
  notices: unknown[];
}

/** One finished `litops run`: its result, --json summary and run directory. */
class Run {
  constructor(
    readonly file: string,
    readonly result: LitopsResult,
    readonly summary: Summary,
    readonly runDir: string,
  ) {}

  events(): Event[] {
    return readFileSync(join(this.runDir, 'events.jsonl'), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Event);
  }

  /** The attempt number of a cell's last run (its out files are out/<n>.*). */
  private attempt(cell: string): number {
    const start = this.events().filter((e) => e.type === 'cell.start' && e.cell === cell).at(-1);
    if (!start?.attempt) throw new Error(`${this.file}: cell ${cell} did not run`);
    return start.attempt;
  }

  stdout(cell: string): string {
    return readFileSync(join(this.runDir, 'out', `${this.attempt(cell)}.stdout`), 'utf8');
  }

  stderr(cell: string): string {
    return readFileSync(join(this.runDir, 'out', `${this.attempt(cell)}.stderr`), 'utf8');
  }

  /** Every statement of a SQL cell, as out/<n>.result.json records it. */
  statements(cell: string): StatementResult[] {
    return JSON.parse(readFileSync(join(this.runDir, 'out', `${this.attempt(cell)}.result.json`), 'utf8')) as StatementResult[];
  }

  /** The rows of a SQL cell's statement that returned columns (default: the last one), as objects. */
  rows(cell: string, statement?: number): Array<Record<string, unknown>> {
    const withColumns = this.statements(cell).filter((s) => s.columns.length > 0);
    const chosen = statement === undefined ? withColumns.at(-1) : withColumns[statement];
    if (!chosen) return [];
    return chosen.rows.map((row) => Object.fromEntries(chosen.columns.map((column, i) => [column.name, row[i]])));
  }

  column(cell: string, name: string): unknown[] {
    return this.rows(cell).map((row) => row[name]);
  }

  capture(cell: string): string | undefined {
    return this.events().filter((e) => e.type === 'cell.end' && e.cell === cell).at(-1)?.capture?.value;
  }

  criteria(result: string): string[] {
    return this.summary.criteria.filter((c) => c.result === result).map((c) => c.id);
  }

  /** Why it ended as it did, for assertion messages. */
  explain(): string {
    return `${this.file}: exit ${this.result.code}, ${this.summary.reason}\n${this.result.stderr.split('\n').slice(-40).join('\n')}`;
  }
}

/**
 * Runs runbooks/FILE unattended with its answers file, signed with the test key,
 * into test-output/runbooks/<nn>-<label>/; then checks the run directory: it
 * verifies (exit 0), and no file in it holds the database password.
 */
async function run(file: string, label: string, options: { args?: string[]; env?: Record<string, string | undefined>; cwd: string; password?: string }): Promise<Run> {
  const logDir = join(OUT, `${String(++runCount).padStart(2, '0')}-${label}`);
  const answers = join(RUNBOOKS, file.replace(/\.md$/, '.answers.yaml'));
  const result = await runLitops(
    ['run', join(RUNBOOKS, file), '--ci', '--json', '--answers', answers, '--key', key, '--as', PRINCIPAL, '--log-dir', logDir, ...(options.args ?? [])],
    { cwd: options.cwd, env: { ...NO_DATABASE_ENV, ...options.env }, timeoutMs: 240_000 },
  );
  const runs = readdirSync(logDir);
  expect(runs, `${file}: one run directory in ${logDir}\n${result.stderr}`).toHaveLength(1);
  const runDir = join(logDir, runs[0]!);
  let summary: Summary;
  try {
    summary = JSON.parse(result.stdout) as Summary;
  } catch {
    throw new Error(`${file}: --json printed no summary (exit ${result.code})\n${result.stdout}\n${result.stderr}`);
  }
  const verified = await runLitops(['verify', runDir, '--allowed-signers', allowedSigners, '--runbook', join(RUNBOOKS, file)]);
  expect(verified.code, `litops verify ${runDir}\n${verified.stdout}${verified.stderr}`).toBe(0);
  expect(verified.stdout).toContain(PRINCIPAL);
  if (options.password) {
    expect(`${result.stdout}${result.stderr}`).not.toContain(options.password);
    for (const path of listFiles(runDir)) expect(readFileSync(path, 'latin1').includes(options.password), `the password in ${path}`).toBe(false);
  }
  return new Run(file, result, summary, runDir);
}

function listFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? listFiles(join(root, entry.name)) : [join(root, entry.name)]));
}

const DEMO_INDEXES = ['order_events_status_idx', 'customers_email_idx', 'customers_email_lookup_idx'];

describe('every runbook in runbooks/', () => {
  it('is run by this file and has an answers file for CI', () => {
    const shipped = readdirSync(RUNBOOKS).filter((name) => name.endsWith('.md')).sort();
    expect(shipped).toEqual(Object.keys(COVERED).sort());
    for (const file of shipped) expect(readdirSync(RUNBOOKS), file).toContain(file.replace(/\.md$/, '.answers.yaml'));
  });
});

describe('on the embedded default (no --db, no DATABASE_URL, no PG*)', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'litops-ci-runs-embedded-'));
  });
  afterAll(() => rm(cwd, { recursive: true, force: true }));

  it('demo-setup.md then postgres-health.md: exit 0, the planted bloat and indexes found', async () => {
    // demo-setup also creates the embedded cluster in <cwd>/.litops, which the health check then opens.
    const demo = await run('demo-setup.md', 'embedded-demo-setup', { cwd });
    expect(demo.result.code, demo.explain()).toBe(0);
    expect(demo.result.stderr).toMatch(/embedded PostgreSQL \(PGlite\)/);

    const health = await run('postgres-health.md', 'embedded-postgres-health', { cwd });
    expect(health.result.code, health.explain()).toBe(0);
    expect(health.result.stderr).toMatch(/embedded PostgreSQL \(PGlite\)/);
    expect(health.summary.counts).toEqual({ passed: 19, failed: 0, skipped: 0, notRun: 0 });
    expect(health.criteria('unanswered')).toEqual([]);
    // The embedded server's activity counters start from zero in each process: the bloat shows in the size estimate.
    expect(health.column('estimated-bloat', 'table_name')).toContain('litops_demo.order_events');
    expect(health.column('unused-indexes', 'index_name')).toContain('order_events_status_idx');
    expect(health.column('duplicate-indexes', 'table_name')).toContain('litops_demo.customers');
  }, 240_000);

  it('host-health.md: exit 0, or exit 1 only for the load criterion on a busy machine', async () => {
    const host = await run('host-health.md', 'host-health', { cwd });
    expect(host.summary.counts.failed, host.explain()).toBe(0);
    expect(host.summary.counts.passed).toBe(8);
    expect(host.criteria('unanswered')).toEqual([]);
    expect(host.criteria('n/a')).toHaveLength(3);
    const failed = host.criteria('fail');
    if (failed.length === 0) expect(host.result.code, host.explain()).toBe(0);
    else {
      expect(failed, host.explain()).toEqual(['daily-host-health-check/5-minute-load-per-cpu-below-2']);
      expect(host.result.code).toBe(1);
    }
  }, 120_000);
});

describe.skipIf(!getPostgresUrl())(withSkipReason('against the real PostgreSQL server'), () => {
  let cwd: string;
  let password: string;
  beforeAll(async () => {
    cwd = await mkdtemp(join(tmpdir(), 'litops-ci-runs-server-'));
    password = decodeURIComponent(new URL(getPostgresUrl()!).password);
  });
  afterAll(() => rm(cwd, { recursive: true, force: true }));

  async function withDemoDatabase(name: string, body: (database: TestDatabase) => Promise<void>): Promise<void> {
    const database = await createTestDatabase(name);
    try {
      const demo = await run('demo-setup.md', `${name}-demo-setup`, { cwd, password, args: ['--db', database.url] });
      expect(demo.result.code, demo.explain()).toBe(0);
      await body(database);
    } finally {
      await database.drop();
    }
  }

  async function query<Row extends Record<string, unknown>>(url: string, sql: string): Promise<Row[]> {
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => {});
    await client.connect();
    try {
      return (await client.query<Row>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  it('postgres-health.md finds the planted problems, postgres-maintenance.md fixes the vacuum one, the health check then passes', async () => {
    await withDemoDatabase('ci_health', async (database) => {
      const args = ['--db', database.url];
      const before = await run('postgres-health.md', 'health-before-maintenance', { cwd, password, args });
      // The demo switches autovacuum off and leaves 30000 dead tuples: the bound criterion fails, as it must.
      expect(before.summary.counts, before.explain()).toEqual({ passed: 19, failed: 0, skipped: 0, notRun: 0 });
      expect(before.criteria('fail'), before.explain()).toEqual(['daily-database-health-check/no-table-is-past-its-autovacuum-threshold']);
      expect(before.criteria('unanswered')).toEqual([]);
      expect(before.result.code).toBe(1);
      expect(before.column('dead-tuples', 'table_name')).toContain('litops_demo.order_events');
      expect(before.column('tables-needing-vacuum', 'table_name')).toEqual(['litops_demo.order_events']);
      expect(before.column('estimated-bloat', 'table_name')).toContain('litops_demo.order_events');
      expect(before.column('duplicate-indexes', 'table_name')).toEqual(['litops_demo.customers']);
      // The answers file says every unused index found is the demo's own: hold it to that.
      const unused = before.column('unused-indexes', 'index_name');
      expect(unused).toContain('order_events_status_idx');
      for (const index of unused) expect(DEMO_INDEXES, String(index)).toContain(index);

      const maintenance = await run('postgres-maintenance.md', 'postgres-maintenance', { cwd, password, args });
      expect(maintenance.result.code, maintenance.explain()).toBe(0);
      expect(maintenance.summary.counts).toEqual({ passed: 17, failed: 0, skipped: 0, notRun: 0 });
      expect(maintenance.criteria('fail')).toEqual([]);
      expect(maintenance.criteria('unanswered')).toEqual([]);
      expect(maintenance.stderr('vacuum-table')).toMatch(/^INFO: {2}vacuuming "[^"]+\.litops_demo\.order_events"/m);
      expect(maintenance.stderr('vacuum-table')).toMatch(/^INFO: {2}analyzing "litops_demo\.order_events"/m);
      expect(Number(maintenance.capture('dead-tuples-before'))).toBeGreaterThan(1000);
      expect(maintenance.rows('dead-tuples-after')[0]).toMatchObject({ n_dead_tup_after: '0' });
      expect(maintenance.rows('index-size-after')[0]).toMatchObject({ valid: true, ready: true });
      expect(maintenance.rows('invalid-indexes')).toEqual([]);
      // What the database says, not only what the runbook printed.
      const [table] = await query<{ n_dead_tup: string; last_vacuum: Date | null }>(
        database.url,
        "SELECT n_dead_tup, last_vacuum FROM pg_stat_user_tables WHERE schemaname = 'litops_demo' AND relname = 'order_events'",
      );
      expect(table).toMatchObject({ n_dead_tup: '0', last_vacuum: expect.any(Date) });
      const [index] = await query<{ indisvalid: boolean }>(database.url, "SELECT indisvalid FROM pg_index WHERE indexrelid = 'litops_demo.order_events_status_idx'::regclass");
      expect(index?.indisvalid).toBe(true);

      const after = await run('postgres-health.md', 'health-after-maintenance', { cwd, password, args });
      expect(after.result.code, after.explain()).toBe(0);
      expect(after.rows('tables-needing-vacuum')).toEqual([]);
      expect(after.column('unused-indexes', 'index_name')).toContain('order_events_status_idx');
    });
  }, 300_000);

  it('backup-restore-drill.md dumps, restores, finds the copy identical, times it and cleans up', async () => {
    await withDemoDatabase('ci_drill', async (database) => {
      // pg_dump cannot see --db: the drill's shell cells take DATABASE_URL.
      const drill = await run('backup-restore-drill.md', 'backup-restore-drill', { cwd, password, args: ['--db', database.url], env: { DATABASE_URL: database.url } });
      expect(drill.result.code, drill.explain()).toBe(0);
      expect(drill.summary.counts).toEqual({ passed: 13, failed: 0, skipped: 0, notRun: 0 });
      expect(drill.criteria('fail')).toEqual([]);
      expect(drill.criteria('unanswered')).toEqual([]);

      const workdir = drill.stdout('drill-workdir');
      const scratch = /^scratch database: (\S+)$/m.exec(workdir)?.[1];
      const workDir = /^working directory: (\S+)$/m.exec(workdir)?.[1];
      expect(scratch).toMatch(/^litops_drill_[0-9a-f]{6}$/);
      expect(drill.stdout('dump-source')).toMatch(/^sha256: [0-9a-f]{64}$/m);
      expect(drill.stdout('verify-dump')).toContain('source.dump: OK');
      // Both fingerprints list the demo's tables with their exact row counts, and nothing differs.
      for (const cell of ['fingerprint-source', 'compare-restore']) {
        expect(drill.stdout(cell)).toMatch(/^table +litops_demo\.customers +4000 +[0-9a-f]{32}$/m);
        expect(drill.stdout(cell)).toMatch(/^table +litops_demo\.order_events +30000 +[0-9a-f]{32}$/m);
      }
      expect(drill.stdout('compare-restore')).toMatch(/differences: 0\n$/);
      expect(Number(drill.capture('restore-scratch'))).toBeGreaterThan(0);
      expect(drill.stdout('restore-budget')).toMatch(/budget used: [\d.]+%/);
      // The clean-up really happened: no scratch database, no drill directory.
      expect(await queryAsAdmin(`SELECT datname FROM pg_database WHERE datname = '${scratch}'`)).toEqual([]);
      expect(drill.stdout('remove-drill-files')).toBe(`removed ${workDir}\n`);
      expect(() => readdirSync(workDir!)).toThrow(/ENOENT/);
      // The drill's Markdown and HTML reports stay beside its run directory as artifacts of the test run.
      for (const format of ['md', 'html'] as const) {
        const file = join(OUT, `backup-restore-drill.report.${format}`);
        const report = await runLitops(['report', drill.runDir, '--format', format, '-o', file]);
        expect(report.code, `${report.stdout}${report.stderr}`).toBe(0);
        const text = readFileSync(file, 'utf8');
        expect(text).toContain('differences: 0');
        expect(text).toContain(format === 'md' ? '<!-- litops:output' : '<!doctype html>');
      }
    });
  }, 300_000);

  it('incident-connection-exhaustion.md cancels and terminates only old litops-demo-load sessions', async () => {
    await withDemoDatabase('ci_incident', async (database) => {
      const clients: pg.Client[] = [];
      const connect = async (applicationName: string): Promise<{ client: pg.Client; pid: number }> => {
        const client = new pg.Client({ connectionString: database.url, application_name: applicationName });
        client.on('error', () => {}); // terminated on purpose
        await client.connect();
        clients.push(client);
        const [row] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
        return { client, pid: row!.pid };
      };
      let busy: NodeJS.Timeout | undefined;
      try {
        // Offenders: a transaction left open holding a row lock, a session queued behind it, a leaked idle connection.
        const holder = await connect('litops-demo-load');
        await holder.client.query('BEGIN');
        await holder.client.query('UPDATE litops_demo.customers SET email = email WHERE id = 1');
        const waiter = await connect('litops-demo-load');
        await waiter.client.query('BEGIN');
        const waiting = waiter.client.query('UPDATE litops_demo.customers SET email = email WHERE id = 1').then(
          () => 'finished',
          (error: { code?: string }) => error.code ?? 'error',
        );
        const idle = await connect('litops-demo-load');
        // Not offenders: another application's old open transaction, and a busy session of the same application.
        const bystander = await connect('litops-bystander');
        await bystander.client.query('BEGIN');
        await bystander.client.query('SELECT 1');
        const healthy = await connect('litops-demo-load');
        const ping = (): void => {
          healthy.client.query('SELECT 1').catch(() => {});
        };
        busy = setInterval(ping, 200);
        await waitFor(async () => (await queryAsAdmin<{ n: string }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE pid = ${waiter.pid} AND wait_event_type = 'Lock'`))[0]?.n === '1');
        const threshold = 3;
        await new Promise((resolve) => setTimeout(resolve, (threshold + 1) * 1000));

        const incident = await run('incident-connection-exhaustion.md', 'incident-connection-exhaustion', {
          cwd,
          password,
          args: ['--db', database.url, '--set', `OFFENDER_MIN_AGE_SECONDS=${threshold}`, '--set', 'CANCEL_GRACE_SECONDS=1'],
        });
        expect(incident.result.code, incident.explain()).toBe(0);
        expect(incident.summary.counts).toEqual({ passed: 13, failed: 0, skipped: 0, notRun: 0 });
        expect(incident.criteria('fail')).toEqual([]);
        expect(incident.criteria('unanswered')).toEqual([]);

        // What the runbook saw and did.
        // (pg_stat_activity is server-wide: other test files' sessions may show up too, so look at ours.)
        const ours = new Set([holder, waiter, idle, bystander, healthy].map((s) => s.pid));
        expect(incident.rows('blocked-sessions').filter((r) => ours.has(r.pid as number))).toEqual([expect.objectContaining({ pid: waiter.pid, blocked_by: `{${holder.pid}}` })]);
        expect(incident.column('root-blockers', 'pid').filter((pid) => ours.has(pid as number))).toEqual([holder.pid]);
        expect(new Set(incident.rows('define-offenders').map((r) => r.pid))).toEqual(new Set([holder.pid, waiter.pid, idle.pid]));
        expect(incident.rows('cancel-offenders', 0)).toEqual([expect.objectContaining({ pid: waiter.pid, cancel_sent: true })]);
        const ended = incident.rows('terminate-offenders', 0);
        expect(new Set(ended.map((r) => r.pid))).toEqual(new Set([holder.pid, waiter.pid, idle.pid]));
        expect(ended.map((r) => r.terminated)).toEqual([true, true, true]);
        expect(incident.rows('terminate-offenders')).toEqual([{ offenders_still_connected: '0' }]);
        // The destructive cell ran because the answers file confirmed it, and the log says so.
        expect(incident.events()).toContainEqual(expect.objectContaining({ type: 'decision', action: 'confirm', cell: 'terminate-offenders', by: 'answers' }));

        // What the server says: the three offenders are gone, the others are untouched.
        expect(await waiting).toBe('57014'); // the waiter's statement was cancelled before its session was ended
        const alive = await queryAsAdmin<{ pid: number; application_name: string }>(
          `SELECT pid, application_name FROM pg_stat_activity WHERE pid IN (${[holder, waiter, idle, bystander, healthy].map((s) => s.pid).join(', ')}) ORDER BY pid`,
        );
        expect(alive.map((r) => r.pid).sort()).toEqual([bystander.pid, healthy.pid].sort());
        await expect(bystander.client.query('SELECT 1 AS ok')).resolves.toMatchObject({ rows: [{ ok: 1 }] });
        await expect(healthy.client.query('SELECT 1 AS ok')).resolves.toMatchObject({ rows: [{ ok: 1 }] });
      } finally {
        if (busy) clearInterval(busy);
        await Promise.all(clients.map((client) => client.end().catch(() => {})));
      }
    });
  }, 300_000);
});

async function waitFor(predicate: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await predicate())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
