import { expect, it } from 'vitest';
import type { SqlSessions, TargetSpec } from '../../../src/executor/sql/index.js';
import { runCell } from './helpers.js';

/** What the shared cases run against: a session set and its target, ready before each test. */
export interface SqlBackendContext {
  sessions: SqlSessions;
  target: TargetSpec;
}

/**
 * Behaviour both backends (a real PostgreSQL and the embedded PGlite) must
 * share. Each case uses its own table names, as the session is shared.
 */
export function defineSharedSqlCases(getContext: () => SqlBackendContext): void {
  const run = (source: string, overrides = {}, hooks = {}) => {
    const { sessions, target } = getContext();
    return runCell(sessions, target, source, overrides, hooks);
  };

  // First: a later case runs RESET ALL, which on PGlite (set with SET, not at startup) clears it.
  it('identifies itself as application_name litops', async () => {
    expect((await run('SHOW application_name')).value).toBe('litops');
  });

  it('captures command tag, columns with type names, rows and the first value', async () => {
    const result = await run(`SELECT 42 AS answer, 'x'::text AS label\nUNION ALL SELECT 7, 'y'`);
    expect(result.status).toBe('passed');
    expect(result.error).toBeNull();
    const [statement] = result.statements;
    expect(statement).toMatchObject({
      index: 0,
      line: 1,
      command: 'SELECT',
      rowCount: 2,
      columns: [{ name: 'answer', type: 'integer' }, { name: 'label', type: 'text' }],
      rows: [[42, 'x'], [7, 'y']],
      truncated: false,
      error: null,
    });
    expect(result.rowCount).toBe(2);
    expect(result.value).toBe('42');
    expect(result.seen).toEqual(result.statements);
  });

  it('keeps values JSON-safe: bigint and numeric as strings, ISO timestamps, hex bytea', async () => {
    const result = await run(`SET TIME ZONE 'UTC';
SELECT 9007199254740993::bigint AS big, 12345678901234567890.5::numeric AS num, true AS yes, NULL::int AS nothing,
  1.5::float8 AS f, 'NaN'::float8 AS nan, '2024-01-02 03:04:05.678901+00'::timestamptz AS tz,
  '2024-01-02 03:04:05'::timestamp AS ts, '2024-01-02'::date AS d, '\\xdeadbeef'::bytea AS bin,
  '{"a": 12345678901234567890}'::jsonb AS doc, ARRAY[1,2] AS arr, '1 day'::interval AS span`);
    expect(result.status).toBe('passed');
    const statement = result.statements[1]!;
    expect(statement.rows[0]).toEqual([
      '9007199254740993', '12345678901234567890.5', true, null, 1.5, 'NaN', '2024-01-02T03:04:05.678901+00:00',
      '2024-01-02T03:04:05', '2024-01-02', '\\xdeadbeef', '{"a": 12345678901234567890}', '{1,2}', '1 day',
    ]);
    expect(statement.columns.map((column) => column.type)).toEqual([
      'bigint', 'numeric', 'boolean', 'integer', 'double precision', 'double precision', 'timestamp with time zone',
      'timestamp without time zone', 'date', 'bytea', 'jsonb', 'integer[]', 'interval',
    ]);
    expect(JSON.parse(JSON.stringify(statement))).toEqual(statement);
  });

  it('keeps at most maxRows rows, with the true row count', async () => {
    const result = await run('SELECT g FROM generate_series(1, 25) AS g', {}, { maxRows: 10 });
    const [statement] = result.statements;
    expect(statement?.rows).toHaveLength(10);
    expect(statement?.truncated).toBe(true);
    expect(statement?.rowCount).toBe(25);
    expect(result.rowCount).toBe(25);
  });

  it('sends statements one at a time: VACUUM, CREATE INDEX CONCURRENTLY and REINDEX CONCURRENTLY in one cell', async () => {
    const result = await run(`CREATE TABLE maint (id int);
INSERT INTO maint SELECT generate_series(1, 100);
VACUUM (ANALYZE) maint;
CREATE INDEX CONCURRENTLY maint_id ON maint (id);
REINDEX INDEX CONCURRENTLY maint_id;
SELECT count(*) FROM maint`);
    expect(result.error).toBeNull();
    expect(result.status).toBe('passed');
    expect(result.statements.map((statement) => [statement.command, statement.rowCount, statement.line])).toEqual([
      ['CREATE TABLE', null, 1],
      ['INSERT', 100, 2],
      ['VACUUM', null, 3],
      ['CREATE INDEX', null, 4],
      ['REINDEX', null, 5],
      ['SELECT', 1, 6],
    ]);
    expect(result.value).toBe('100');
  });

  it('captures notices: VACUUM (VERBOSE) INFO lines and RAISE NOTICE in a DO block', async () => {
    const result = await run(`CREATE TABLE noisy (id int);
VACUUM (VERBOSE) noisy;
DO $$ BEGIN RAISE NOTICE 'checked % rows', 42 USING HINT = 'all good'; END $$`);
    expect(result.status).toBe('passed');
    const vacuum = result.statements[1]!;
    expect(vacuum.notices.length).toBeGreaterThan(0);
    expect(vacuum.notices.every((notice) => notice.severity === 'INFO')).toBe(true);
    expect(vacuum.notices.map((notice) => notice.message).join('\n')).toMatch(/vacuuming "[^"]*noisy"/);
    expect(result.statements[2]).toMatchObject({ command: 'DO', notices: [{ severity: 'NOTICE', message: expect.stringMatching(/^checked 42 rows\nHINT: all good/) }] });
  });

  it('carries session state across cells: SET, temporary tables and an open transaction', async () => {
    expect((await run(`SET search_path TO pg_catalog, public; CREATE TEMP TABLE scratch (v text); INSERT INTO scratch VALUES ('kept')`)).status).toBe('passed');
    const second = await run('SHOW search_path; SELECT v FROM scratch');
    expect(second.statements.map((statement) => statement.rows[0]?.[0])).toEqual(['pg_catalog, public', 'kept']);
    expect((await run('RESET search_path; CREATE TABLE carried (id int); BEGIN; INSERT INTO carried VALUES (1)')).status).toBe('passed');
    const inside = await run('SELECT count(*) FROM carried');
    expect(inside.value).toBe('1');
    expect((await run('ROLLBACK')).status).toBe('passed');
    expect((await run('SELECT count(*) FROM carried')).value).toBe('0');
  });

  it('says when a cell ends inside an open transaction', async () => {
    const result = await run('BEGIN; SELECT 1');
    expect(result.notices).toEqual([expect.stringMatching(/ended inside an open transaction/)]);
    expect((await run('COMMIT')).notices).toEqual([]);
  });

  it('binds psql variables before splitting', async () => {
    const result = await run(`CREATE TABLE :"table" (name text, n int);
INSERT INTO :"table" VALUES (:'name', :n);
SELECT name, n FROM :"table"`, { variables: { table: 'Bound Table', name: "O'Brien", n: '3' } });
    expect(result.error).toBeNull();
    expect(result.statements[2]?.rows).toEqual([["O'Brien", 3]]);
    expect(result.statements[0]?.text).toBe('CREATE TABLE "Bound Table" (name text, n int)');
  });

  it('fails a cell with a missing variable before sending anything, naming it', async () => {
    const result = await run(`CREATE TABLE never_created (id int);\nSELECT :'region', :limit`, { variables: {} });
    expect(result.status).toBe('error');
    expect(result.error).toMatch(/no value for psql variables :region, :limit/);
    expect(result.statements).toEqual([]);
    const check = await run(`SELECT to_regclass('never_created') IS NULL AS absent`);
    expect(check.value).toBe('t');
  });

  it('fails on a syntax error before sending anything', async () => {
    const result = await run('CREATE TABLE not_made (id int);\nSELECT * FORM nowhere');
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/^line 2, column \d+: syntax error at or near "FORM"; nothing was run$/);
    expect((await run(`SELECT to_regclass('not_made') IS NULL`)).value).toBe('t');
  });

  it('fails on an SQL error with message, SQLSTATE, line, detail and hint, and stops there', async () => {
    await run('CREATE TABLE uniq (id int PRIMARY KEY); INSERT INTO uniq VALUES (1)');
    const result = await run(`SELECT 1;
INSERT INTO uniq
  VALUES (1);
SELECT 'not reached'`);
    expect(result.status).toBe('failed');
    expect(result.error).toBe('line 2: duplicate key value violates unique constraint "uniq_pkey" (SQLSTATE 23505)');
    expect(result.statements).toHaveLength(2);
    expect(result.statements[1]?.error).toMatchObject({ code: '23505', detail: 'Key (id)=(1) already exists.', hint: null });
    const located = await run(`SELECT 1;\nSELECT id,\n       missing_column\nFROM uniq`);
    expect(located.statements[1]?.error).toMatchObject({ code: '42703', line: 3, position: 19, message: 'column "missing_column" does not exist' });
    expect(located.error).toMatch(/^line 3: column "missing_column" does not exist \(SQLSTATE 42703\)$/);
    const hinted = await run('SELECT no_such_function(1)');
    expect(hinted.statements[0]?.error?.hint).toMatch(/No function matches/);
  });

  it('leaves a failed explicit transaction aborted, as psql does, and says so', async () => {
    const failed = await run('BEGIN;\nSELECT 1/0');
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe('line 2: division by zero (SQLSTATE 22012); the transaction is now aborted: statements fail until ROLLBACK');
    expect(failed.notices).toEqual([expect.stringMatching(/aborted transaction \(ROLLBACK ends it\)/)]);
    const next = await run('SELECT 1');
    expect(next.statements[0]?.error?.code).toBe('25P02');
    expect((await run('ROLLBACK')).status).toBe('passed');
    expect((await run('SELECT 1')).status).toBe('passed');
  });

  it('runs readonly cells read-only, keeps their own BEGIN/COMMIT working, and restores the session after', async () => {
    await run('CREATE TABLE guarded (id int)');
    const write = await run('INSERT INTO guarded VALUES (1)', { readonly: true });
    expect(write.status).toBe('failed');
    expect(write.statements[0]?.error?.code).toBe('25006');
    expect(write.error).toMatch(/cannot execute INSERT in a read-only transaction/);
    const reads = await run('BEGIN; SELECT count(*) FROM guarded; SHOW transaction_read_only; COMMIT', { readonly: true });
    expect(reads.status).toBe('passed');
    expect(reads.statements[2]?.rows).toEqual([['on']]);
    const after = await run('INSERT INTO guarded VALUES (2); SHOW default_transaction_read_only');
    expect(after.status).toBe('passed');
    expect(after.value).toBe('off');
  });

  it('keeps a readonly cell read-only inside a transaction left open by an earlier cell', async () => {
    await run('CREATE TABLE guarded_tx (id int); BEGIN; INSERT INTO guarded_tx VALUES (1)');
    const result = await run('INSERT INTO guarded_tx VALUES (2)', { readonly: true });
    expect(result.status).toBe('failed');
    expect(result.statements[0]?.error?.code).toBe('25006');
    expect(result.notices[0]).toMatch(/read-only cell runs inside a transaction left open by an earlier cell/);
    await run('ROLLBACK');
    expect((await run('INSERT INTO guarded_tx VALUES (3)')).status).toBe('passed');
  });

  it('keeps readonly after a ROLLBACK, RESET ALL or SET inside the cell', async () => {
    await run('CREATE TABLE guarded_rb (id int); BEGIN');
    const result = await run('ROLLBACK; INSERT INTO guarded_rb VALUES (1)', { readonly: true });
    expect(result.status).toBe('failed');
    expect(result.statements[1]?.error?.code).toBe('25006');
    for (const undo of ['RESET ALL', 'SET default_transaction_read_only = off', 'DISCARD ALL']) {
      const again = await run(`${undo}; INSERT INTO guarded_rb VALUES (2)`, { readonly: true });
      expect(again.statements[1]?.error?.code, undo).toBe('25006');
    }
    expect((await run('INSERT INTO guarded_rb VALUES (3)')).status).toBe('passed');
  });

  it('sets statement_timeout for a cell with a timeout and restores the previous value', async () => {
    await run(`SET statement_timeout = '42s'`);
    const inside = await run('SHOW statement_timeout', { timeoutMs: 1500 });
    expect(inside.value).toBe('1500ms');
    expect((await run('SHOW statement_timeout')).value).toBe('42s');
    await run('RESET statement_timeout');
  });

  it('puts back a setting whose restore was rolled back with the transaction', async () => {
    await run('BEGIN');
    await run('SELECT 1', { timeoutMs: 2500 });
    await run('ROLLBACK');
    expect((await run('SHOW statement_timeout')).value).toBe('0');
  });

  it('skips display meta-commands with a notice and refuses those that change what runs', async () => {
    const skipped = await run('\\timing on\nSELECT 1 AS one \\gx\n\\set ON_ERROR_STOP on\nSELECT 2');
    expect(skipped.status).toBe('passed');
    expect(skipped.statements.map((statement) => [statement.text, statement.command, statement.line])).toEqual([
      ['\\timing on', null, 1],
      ['SELECT 1 AS one', 'SELECT', 2],
      ['\\gx', null, 2],
      ['\\set ON_ERROR_STOP on', null, 3],
      ['SELECT 2', 'SELECT', 4],
    ]);
    expect(skipped.statements[0]?.notices[0]?.message).toMatch(/^skipped psql meta-command \\timing/);
    const refused = await run('CREATE TABLE not_here (id int);\n\\c otherdb\nSELECT 1');
    expect(refused.status).toBe('error');
    expect(refused.error).toMatch(/^line 2: psql meta-command \\c otherdb is not supported/);
    expect((await run(`SELECT to_regclass('not_here') IS NULL`)).value).toBe('t');
  });

  it('reports the value and row count of the last statement that returned rows', async () => {
    const result = await run(`CREATE TABLE counted (id int); INSERT INTO counted VALUES (5), (6);
SELECT id FROM counted ORDER BY id; UPDATE counted SET id = id + 1`);
    expect(result.statements[3]).toMatchObject({ command: 'UPDATE', rowCount: 2, columns: [] });
    expect(result.value).toBe('5');
    expect(result.rowCount).toBe(2);
  });

  it('captures COPY ... TO STDOUT as rows and refuses COPY ... FROM STDIN clearly', async () => {
    const out = await run(`COPY (SELECT 1 AS a, 'two' AS b UNION ALL SELECT 3, 'four') TO STDOUT`);
    expect(out.statements[0]).toMatchObject({ command: 'COPY', rowCount: 2, rows: [['1\ttwo'], ['3\tfour']] });
    await run('CREATE TABLE copied (id int)');
    const input = await run('SELECT 1;\nCOPY copied (id) FROM STDIN;\nSELECT 2');
    expect(input.status).toBe('failed');
    expect(input.error).toMatch(/^line 2: COPY \.\.\. FROM STDIN needs data that a runbook cell cannot give/);
    expect(input.statements).toHaveLength(2);
    expect((await run('SELECT 3')).status).toBe('passed');
  });

  it('passes an empty cell or one with only comments without opening anything', async () => {
    const result = await run('-- nothing to do\n/* really */');
    expect(result).toMatchObject({ status: 'passed', statements: [], rowCount: null, value: null, error: null });
  });

  it('names types the table does not know (an enum) through the server', async () => {
    const result = await run(`CREATE TYPE mood AS ENUM ('ok', 'sad'); SELECT 'ok'::mood AS m`);
    expect(result.statements[1]?.columns).toEqual([{ name: 'm', type: 'mood' }]);
  });

  it('stops before the next statement when the signal is aborted during a cell', async () => {
    const controller = new AbortController();
    const result = await run('SELECT 1; SELECT 2', {}, { signal: controller.signal, onStatement: () => controller.abort() });
    expect(result.status).toBe('cancelled');
    expect(result.statements).toHaveLength(1);
    expect(result.error).toMatch(/cancelled by the operator before line 1/);
  });

  it('does nothing for a signal aborted before the cell starts', async () => {
    const result = await run('CREATE TABLE never (id int)', {}, { signal: AbortSignal.abort() });
    expect(result).toMatchObject({ status: 'cancelled', statements: [] });
  });
}
