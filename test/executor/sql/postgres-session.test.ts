import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveTarget, type SqlSessions, type TargetSpec } from '../../../src/executor/sql/index.js';
import type { TargetInfo } from '../../../src/model/events.js';
import { createTestDatabase, getPostgresUrl, withSkipReason, type TestDatabase } from '../../support/postgres.js';
import { createDataDir, createRecordingSessions, dbTarget, runCell } from './helpers.js';

const url = getPostgresUrl();

describe.skipIf(!url)(withSkipReason('SQL sessions on a real PostgreSQL server'), () => {
  let database: TestDatabase;
  let target: TargetSpec;
  const dataDir = createDataDir();
  const open: SqlSessions[] = [];

  const start = (options: { cancelGraceMs?: number } = {}): { sessions: SqlSessions; opened: TargetInfo[] } => {
    const recording = createRecordingSessions({ dataDir: dataDir.dir, ...options });
    open.push(recording.sessions);
    return recording;
  };

  beforeAll(async () => {
    database = await createTestDatabase('sql_sessions');
    target = dbTarget(database.url);
  });

  afterAll(async () => {
    await Promise.all(open.map((sessions) => sessions.close()));
    await database?.drop();
    dataDir.remove();
  });

  it('opens one connection per target lazily and announces it once, with the server version', async () => {
    const { sessions, opened } = start();
    expect(opened).toEqual([]);
    const first = await runCell(sessions, target, 'SELECT pg_backend_pid()');
    const second = await runCell(sessions, target, 'SELECT pg_backend_pid()');
    expect(second.value).toBe(first.value);
    expect(opened).toEqual([{ name: 'default', kind: 'postgres', source: '--db', description: target.description, serverVersion: expect.stringMatching(/^\d+/) }]);
    const other = resolveTarget('other', { connections: { other: { url: database.url } }, db: null, env: {}, sandbox: false, dataDir: dataDir.dir });
    const third = await runCell(sessions, other, 'SELECT pg_backend_pid()');
    expect(third.value).not.toBe(first.value);
    expect(opened.map((info) => info.name)).toEqual(['default', 'other']);
  });

  it('runs concurrent calls on one target one after the other', async () => {
    const { sessions } = start();
    const [a, b] = await Promise.all([
      runCell(sessions, target, 'CREATE TEMP TABLE queued (id int); SELECT pg_sleep(0.2); INSERT INTO queued VALUES (1)'),
      runCell(sessions, target, 'SELECT count(*) FROM queued'),
    ]);
    expect(a.status).toBe('passed');
    expect(b.value).toBe('1');
  });

  it('times out a long statement (statement_timeout and the cell watchdog) and keeps the session usable', async () => {
    const { sessions } = start();
    const result = await runCell(sessions, target, 'SELECT 1;\nSELECT pg_sleep(5)', { timeoutMs: 300 });
    expect(result.status).toBe('timed-out');
    expect(result.error).toMatch(/^line 2: /);
    expect(result.durationMs).toBeLessThan(3000);
    expect(result.statements[1]?.error?.code).toBe('57014');
    expect((await runCell(sessions, target, 'SHOW statement_timeout')).value).toBe('0');
    // A SET in the cell does not lift its timeout: the setting is applied again after it.
    const reset = await runCell(sessions, target, 'SET statement_timeout = 0;\nSELECT pg_sleep(5)', { timeoutMs: 400 });
    expect(reset.status).toBe('timed-out');
    // Turned off behind litops' back (set_config): the client-side watchdog still stops the statement.
    const watchdog = await runCell(sessions, target, `SELECT set_config('statement_timeout', '0', false);\nSELECT pg_sleep(5)`, { timeoutMs: 400 });
    expect(watchdog.status).toBe('timed-out');
    expect(watchdog.error).toMatch(/^line 2: timed out: the cell's 400 ms were used up/);
    expect(watchdog.durationMs).toBeLessThan(3000);
    expect((await runCell(sessions, target, 'SELECT 1')).status).toBe('passed');
  });

  it('cancels a running statement on the server when the signal aborts, and the connection stays usable', async () => {
    const { sessions } = start();
    const pid = (await runCell(sessions, target, 'SELECT pg_backend_pid()')).value;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 500);
    const result = await runCell(sessions, target, 'SELECT pg_sleep(30);\nSELECT 2', { readonly: true, timeoutMs: 60_000 }, { signal: controller.signal });
    expect(result.status).toBe('cancelled');
    expect(result.error).toBe('line 1: cancelled by the operator');
    expect(result.durationMs).toBeLessThan(5000);
    expect(result.statements).toHaveLength(1);
    expect(result.statements[0]?.error).toMatchObject({ code: '57014', message: 'canceling statement due to user request' });
    const after = await runCell(sessions, target, 'SELECT pg_backend_pid(); SHOW statement_timeout; SHOW default_transaction_read_only');
    expect(after.status).toBe('passed');
    expect(after.statements.map((statement) => statement.rows[0]?.[0])).toEqual([Number(pid), '0', 'off']);
  });

  it('drops the connection when a cancelled statement does not stop in time; the next cell reconnects', async () => {
    const { sessions, opened } = start({ cancelGraceMs: 200 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    // A statement that ignores the cancel (it catches query_canceled and sleeps on, for at most ~5 s), so the
    // grace always runs out: with pg_sleep and no grace, a fast cancel sometimes won the race.
    const stubborn = 'DO $$ BEGIN FOR i IN 1..10 LOOP BEGIN PERFORM pg_sleep(0.5); EXCEPTION WHEN query_canceled THEN NULL; END; END LOOP; END $$';
    const result = await runCell(sessions, target, stubborn, {}, { signal: controller.signal });
    expect(result.status).toBe('cancelled');
    expect(result.error).toMatch(/did not stop, so the connection was dropped/);
    const next = await runCell(sessions, target, 'SELECT 1');
    expect(next.status).toBe('passed');
    expect(next.notices).toEqual([expect.stringMatching(/^reconnecting to .*: session state from earlier cells/)]);
    expect(opened).toHaveLength(2);
  });

  it('connects with libpq PG* variables (TCP, password redacted)', async () => {
    const parsed = new URL(database.url);
    const env = { PGHOST: parsed.hostname, PGPORT: parsed.port, PGUSER: decodeURIComponent(parsed.username), PGPASSWORD: decodeURIComponent(parsed.password), PGDATABASE: database.name };
    const pgTarget = resolveTarget(null, { connections: {}, db: null, env, sandbox: false, dataDir: dataDir.dir });
    expect(pgTarget).toMatchObject({ name: 'default', kind: 'postgres', source: 'PG*', url: null });
    expect(pgTarget.description).toBe(`postgres://${env.PGUSER}:[REDACTED]@${env.PGHOST}:${env.PGPORT}/${database.name}`);
    const { sessions, opened } = start();
    const result = await runCell(sessions, pgTarget, 'SELECT current_database(), current_setting(\'application_name\')');
    expect(result.statements[0]?.rows).toEqual([[database.name, 'litops']]);
    expect(JSON.stringify(opened)).not.toContain(env.PGPASSWORD);
  });
});
