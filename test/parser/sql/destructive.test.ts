import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeSql, loadSqlParser } from '../../../src/parser/sql/index.js';

beforeAll(loadSqlParser);

const rulesOf = (sql: string): string[] => {
  const analysis = analyzeSql(sql);
  expect(analysis.error).toBeUndefined();
  return analysis.destructive.map((reason) => reason.rule);
};

describe('destructive SQL', () => {
  test.each([
    ['DROP TABLE users', 'sql-drop'],
    ['DROP INDEX IF EXISTS idx_unused_index', 'sql-drop'],
    ['DROP SCHEMA app CASCADE', 'sql-drop'],
    ['DROP DATABASE app', 'sql-drop'],
    ['DROP ROLE reporting', 'sql-drop'],
    ['DROP TABLESPACE fast', 'sql-drop'],
    ['DROP SUBSCRIPTION sub', 'sql-drop'],
    ['DROP OWNED BY bob', 'sql-drop'],
    ['TRUNCATE audit_log, events', 'sql-truncate'],
    ['DELETE FROM sessions', 'sql-delete-without-where'],
    ['DELETE FROM sessions WHERE true', 'sql-delete-without-where'],
    ['delete from sessions where 1 = 1', 'sql-delete-without-where'],
    ["UPDATE jobs SET state = 'queued'", 'sql-update-without-where'],
    ['VACUUM FULL bills_audit_log', 'sql-vacuum-full'],
    ['VACUUM (FULL, ANALYZE) t', 'sql-vacuum-full'],
    ["ALTER SYSTEM SET work_mem = '128MB'", 'sql-alter-system'],
    ['ALTER SYSTEM RESET ALL', 'sql-alter-system'],
    ['ALTER TABLE t DROP COLUMN c', 'sql-alter-table-drop'],
    ['ALTER TABLE t DROP CONSTRAINT t_pkey', 'sql-alter-table-drop'],
    ["SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE state = 'idle'", 'sql-terminate-backend'],
    ['SELECT pg_catalog.pg_terminate_backend(42)', 'sql-terminate-backend'],
    ['SELECT count(*) FROM (SELECT PG_TERMINATE_BACKEND(pid) FROM pg_stat_activity) x', 'sql-terminate-backend'],
    ["SELECT pg_drop_replication_slot('standby_1')", 'sql-drop-replication-slot'],
    ['SELECT pg_promote()', 'sql-promote'],
    ['SELECT lo_unlink(16384)', 'sql-delete-large-object'],
    ["COPY t FROM PROGRAM 'curl http://x | gunzip'", 'sql-copy-program'],
    ['REINDEX DATABASE ainur', 'sql-reindex-locking'],
    ['REINDEX TABLE t', 'sql-reindex-locking'],
    ['CLUSTER t USING t_pkey', 'sql-cluster'],
    ['REFRESH MATERIALIZED VIEW skill_stats', 'sql-refresh-locking'],
    ['EXPLAIN ANALYZE DELETE FROM t', 'sql-delete-without-where'],
    ['EXPLAIN (ANALYZE, BUFFERS) UPDATE t SET a = 1', 'sql-update-without-where'],
    ['WITH gone AS (DELETE FROM t RETURNING *) SELECT count(*) FROM gone', 'sql-delete-without-where'],
  ])('%s -> %s', (sql, rule) => {
    expect(rulesOf(sql)).toEqual([rule]);
  });

  test.each([
    'SELECT * FROM pg_stat_activity',
    'DELETE FROM sessions WHERE expires_at < now()',
    "UPDATE jobs SET state = 'queued' WHERE id = 7",
    'DELETE FROM t WHERE 1 = 2',
    'EXPLAIN DELETE FROM t',
    'EXPLAIN (ANALYZE false) DELETE FROM t',
    'EXPLAIN ANALYZE SELECT * FROM t',
    'CREATE INDEX CONCURRENTLY i ON t (a)',
    'REINDEX INDEX CONCURRENTLY idx_bills_content',
    'REINDEX (CONCURRENTLY) TABLE t',
    'REFRESH MATERIALIZED VIEW CONCURRENTLY skill_stats',
    'ANALYZE',
    'VACUUM',
    'VACUUM ANALYZE',
    'VACUUM (FULL false) t',
    'SHOW ALL',
    "SET statement_timeout = '5s'",
    "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE state = 'active'",
    "COPY t TO STDOUT",
    "CREATE FUNCTION f() RETURNS void LANGUAGE sql AS $$ DELETE FROM t $$",
    "ALTER TABLE t ADD COLUMN c int",
  ])('%s is not destructive', (sql) => {
    expect(rulesOf(sql)).toEqual([]);
  });

  test('each reason is at its statement, with a clear text and the statement', () => {
    const analysis = analyzeSql('SELECT 1;\n\n  DROP INDEX IF EXISTS idx_unused_index;\nVACUUM FULL\n  bills_audit_log;');
    expect(analysis.destructive).toEqual([
      { rule: 'sql-drop', reason: 'DROP INDEX permanently removes the index', text: 'DROP INDEX IF EXISTS idx_unused_index', line: 3, column: 3 },
      {
        rule: 'sql-vacuum-full',
        reason: 'VACUUM FULL rewrites the table and takes an exclusive lock that blocks reads and writes until it finishes',
        text: 'VACUUM FULL bills_audit_log',
        line: 4,
        column: 1,
      },
    ]);
  });

  test('lock-taking maintenance says so', () => {
    for (const sql of ['REINDEX TABLE t', 'CLUSTER t', 'REFRESH MATERIALIZED VIEW mv']) {
      expect(analyzeSql(sql).destructive[0]?.reason).toMatch(/takes an exclusive lock/);
    }
  });

  test('one statement can match several rules, each once', () => {
    const sql = 'WITH a AS (DELETE FROM x), b AS (DELETE FROM y) UPDATE z SET v = pg_terminate_backend(1)';
    expect(rulesOf(sql).sort()).toEqual(['sql-delete-without-where', 'sql-terminate-backend', 'sql-update-without-where']);
  });

  test('what a PL/pgSQL DO block runs is checked, including EXECUTE of a constant', () => {
    const sql = [
      'DO $$',
      'DECLARE r record;',
      'BEGIN',
      "  FOR r IN SELECT pid FROM pg_stat_activity WHERE state = 'idle' LOOP",
      '    PERFORM pg_terminate_backend(r.pid);',
      '  END LOOP;',
      "  EXECUTE 'TRUNCATE staging';",
      '  DELETE FROM old_rows WHERE created < now() - interval \'1 year\';',
      'END $$;',
    ].join('\n');
    const analysis = analyzeSql(sql);
    expect(analysis.destructive.map(({ rule, line }) => [rule, line])).toEqual([
      ['sql-terminate-backend', 1],
      ['sql-truncate', 1],
    ]);
    expect(analysis.destructive[0]?.reason).toMatch(/\(in a DO block\)$/);
    expect(analyzeSql('DO $$ BEGIN RAISE NOTICE \'hi\'; END $$').destructive).toEqual([]);
  });

  test('a long statement is shortened in the reason text', () => {
    const sql = `UPDATE t\n   SET note = '${'x'.repeat(300)}'`;
    const text = analyzeSql(sql).destructive[0]?.text ?? '';
    expect(text.startsWith("UPDATE t SET note = 'xxx")).toBe(true);
    expect(text.length).toBe(200);
    expect(text.endsWith('…')).toBe(true);
  });
});
