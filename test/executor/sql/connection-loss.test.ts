import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlSessions, TargetSpec } from '../../../src/executor/sql/index.js';
import { createTestDatabase, getPostgresUrl, queryAsAdmin, withSkipReason, type TestDatabase } from '../../support/postgres.js';
import { findFreePort } from '../../support/postgres-server.js';
import { createDataDir, createRecordingSessions, dbTarget, runCell } from './helpers.js';

const url = getPostgresUrl();

/** Ends a session's backend from another connection, as a DBA (or a failover) would, and waits until it is gone. */
async function terminate(pid: string | null): Promise<void> {
  await queryAsAdmin(`SELECT pg_terminate_backend(${Number(pid)})`);
  for (let i = 0; i < 100; i++) {
    const rows = await queryAsAdmin(`SELECT 1 FROM pg_stat_activity WHERE pid = ${Number(pid)}`);
    if (rows.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // The client reads the server's FATAL message on its next turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 100));
}

describe.skipIf(!url)(withSkipReason('SQL sessions when PostgreSQL is down or goes away'), () => {
  let database: TestDatabase;
  let target: TargetSpec;
  const dataDir = createDataDir();
  const open: SqlSessions[] = [];

  const start = () => {
    const recording = createRecordingSessions({ dataDir: dataDir.dir, connectTimeoutMs: 3000 });
    open.push(recording.sessions);
    return recording;
  };

  beforeAll(async () => {
    database = await createTestDatabase('sql_loss');
    target = dbTarget(database.url);
  });

  afterAll(async () => {
    await Promise.all(open.map((sessions) => sessions.close()));
    await database?.drop();
    dataDir.remove();
  });

  it('fails the cell cleanly when nothing listens, naming the redacted URL, and tries again on the next cell', async () => {
    const port = await findFreePort();
    const down = dbTarget(`postgres://litops:s3cret-pw@127.0.0.1:${port}/db`);
    const { sessions, opened } = start();
    const result = await runCell(sessions, down, 'SELECT 1');
    expect(result).toMatchObject({ status: 'error', statements: [] });
    expect(result.error).toBe(`cannot reach PostgreSQL at postgres://litops:[REDACTED]@127.0.0.1:${port}/db: connection refused`);
    expect((await runCell(sessions, down, 'SELECT 1')).status).toBe('error');
    expect(opened).toEqual([]);
  });

  it('reports a wrong password without ever showing a password', async () => {
    const parsed = new URL(database.url);
    parsed.password = 'wrong-pw-123';
    const wrong = dbTarget(parsed.toString());
    const { sessions } = start();
    const result = await runCell(sessions, wrong, 'SELECT 1');
    expect(result.status).toBe('error');
    expect(result.error).toMatch(/^cannot connect to PostgreSQL at postgres:\/\/litops:\[REDACTED\]@.*: password authentication failed for user "litops" \(SQLSTATE 28P01\)$/);
    expect(JSON.stringify(result)).not.toContain('wrong-pw-123');
  });

  it('never returns the connection password: not in output rows, statement text, errors or announcements', async () => {
    const password = decodeURIComponent(new URL(database.url).password);
    const { sessions, opened } = start();
    const rows = await runCell(sessions, target, `SELECT '${password}' AS leaked, 'before ${password} after' AS inside`);
    expect(rows.statements[0]?.rows).toEqual([['[REDACTED]', 'before [REDACTED] after']]);
    expect(rows.statements[0]?.text).toBe(`SELECT '[REDACTED]' AS leaked, 'before [REDACTED] after' AS inside`);
    expect(rows.value).toBe('[REDACTED]');
    const failed = await runCell(sessions, target, `SELECT * FROM "${password}"`);
    expect(failed.error).toBe('line 1: relation "[REDACTED]" does not exist (SQLSTATE 42P01)');
    const everything = JSON.stringify([rows, failed, opened, target.description]);
    expect(everything).not.toContain(password);
  });

  it('fails the running cell when the server ends the session mid-statement; the next cell reconnects and says state was lost', async () => {
    const { sessions, opened } = start();
    const pid = (await runCell(sessions, target, 'CREATE TEMP TABLE lost_soon (id int); SELECT pg_backend_pid()')).value;
    setTimeout(() => void terminate(pid), 300);
    const result = await runCell(sessions, target, 'SELECT 1;\nSELECT pg_sleep(10);\nSELECT 3');
    expect(result.status).toBe('error');
    expect(result.error).toMatch(/^line 2: lost the connection to postgres:\/\/litops:\[REDACTED\]@.*: terminating connection due to administrator command \(SQLSTATE 57P01\); session state .* is gone and the next cell reconnects$/);
    expect(result.statements).toHaveLength(2);
    expect(result.statements[1]?.error?.code).toBe('57P01');
    const next = await runCell(sessions, target, `SELECT to_regclass('pg_temp.lost_soon') IS NULL AS gone, pg_backend_pid() <> ${Number(pid)} AS new_backend`);
    expect(next.status).toBe('passed');
    expect(next.statements[0]?.rows).toEqual([[true, true]]);
    expect(next.notices).toEqual([expect.stringMatching(/^reconnecting to postgres:\/\/litops:\[REDACTED\]@.*: session state from earlier cells .* is gone$/)]);
    expect(opened).toHaveLength(2);
  });

  it('reconnects with a notice when the session was ended between cells outside a transaction', async () => {
    const { sessions } = start();
    const pid = (await runCell(sessions, target, 'SELECT pg_backend_pid()')).value;
    await terminate(pid);
    const next = await runCell(sessions, target, 'SELECT 1');
    expect(next.status).toBe('passed');
    expect(next.notices).toEqual([expect.stringMatching(/since the last cell \(terminating connection due to administrator command\): session state from earlier cells/)]);
  });

  it('fails the next cell when the session was ended between cells inside an open transaction, then reconnects', async () => {
    const { sessions } = start();
    await runCell(sessions, target, 'CREATE TABLE IF NOT EXISTS tx_lost (id int)');
    const pid = (await runCell(sessions, target, 'BEGIN; INSERT INTO tx_lost VALUES (1); SELECT pg_backend_pid()')).value;
    await terminate(pid);
    const next = await runCell(sessions, target, 'INSERT INTO tx_lost VALUES (2); COMMIT');
    expect(next.status).toBe('error');
    expect(next.statements).toEqual([]);
    expect(next.error).toMatch(/while a transaction opened by an earlier cell was open: the server rolled it back/);
    const after = await runCell(sessions, target, 'SELECT count(*) FROM tx_lost');
    expect(after.status).toBe('passed');
    expect(after.value).toBe('0');
    expect(after.notices).toEqual([expect.stringMatching(/^reconnecting to /)]);
  });
});
