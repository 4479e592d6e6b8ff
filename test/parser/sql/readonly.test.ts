import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeSql, loadSqlParser } from '../../../src/parser/sql/index.js';

beforeAll(loadSqlParser);

describe('readonly', () => {
  test.each([
    'SELECT * FROM pg_stat_activity',
    "SELECT query, calls FROM pg_stat_statements ORDER BY mean_time DESC LIMIT 10; SHOW work_mem",
    'SHOW ALL',
    'EXPLAIN SELECT * FROM t',
    'EXPLAIN DELETE FROM t',
    'EXPLAIN ANALYZE SELECT * FROM t',
    'WITH x AS (SELECT 1) SELECT * FROM x UNION SELECT 2',
    'SELECT :id, :\'name\'',
    '\\x\nSELECT 1',
  ])('%s is read-only', (sql) => {
    const analysis = analyzeSql(sql);
    expect(analysis.readonly).toBe(true);
    expect(analysis.statements.every((statement) => statement.readonly)).toBe(true);
  });

  test.each([
    'SELECT * INTO copy FROM t',
    'SELECT * FROM t FOR UPDATE',
    'SELECT * FROM t FOR SHARE SKIP LOCKED',
    'WITH d AS (DELETE FROM t WHERE id = 1 RETURNING *) SELECT * FROM d',
    'WITH i AS (INSERT INTO t VALUES (1) RETURNING *) SELECT * FROM i',
    'EXPLAIN ANALYZE DELETE FROM t WHERE id = 1',
    'SELECT pg_cancel_backend(123)',
    'SELECT pg_terminate_backend(123)',
    'SELECT pg_reload_conf()',
    "SELECT set_config('work_mem', '1GB', false)",
    "SELECT nextval('s')",
    'SELECT pg_advisory_lock(1)',
    'ANALYZE',
    "SET work_mem = '1GB'",
    'INSERT INTO t VALUES (1)',
    'DO $$ BEGIN PERFORM 1; END $$',
    'CALL refresh_all()',
    'SELECT 1; DELETE FROM t WHERE id = 1',
    'SELECT 1; SELEC 2',
  ])('%s is not read-only', (sql) => {
    expect(analyzeSql(sql).readonly).toBe(false);
  });

  test('is reported per statement', () => {
    const statements = analyzeSql("SELECT 1; SELECT pg_reload_conf(); SHOW work_mem").statements;
    expect(statements.map((statement) => statement.readonly)).toEqual([true, false, true]);
  });
});
