import { parseSync } from 'libpg-query';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeSql, bindPsqlVariables, loadSqlParser, quoteSqlIdentifier, quoteSqlLiteral } from '../../../src/parser/sql/index.js';

beforeAll(loadSqlParser);

/** The value of the single string constant in `SELECT <literal>`, read back by the real parser. */
function readLiteral(sql: string): unknown {
  const statements = parseSync(sql).stmts ?? [];
  expect(statements).toHaveLength(1);
  return JSON.parse(JSON.stringify(statements[0]?.stmt)).SelectStmt.targetList[0].ResTarget.val.A_Const.sval.sval;
}

describe('bindPsqlVariables', () => {
  test('binds raw values, literals and identifiers the way psql does', () => {
    const bound = bindPsqlVariables('SELECT * FROM :"tbl" WHERE id = :id AND name = :\'name\'', { tbl: 'Orders', id: '42', name: 'Ann' });
    expect(bound).toEqual({ sql: 'SELECT * FROM "Orders" WHERE id = 42 AND name = \'Ann\'', missing: [] });
  });

  test("doubles single quotes in literals: O'Brien", () => {
    const { sql } = bindPsqlVariables("SELECT :'name'", { name: "O'Brien" });
    expect(sql).toBe("SELECT 'O''Brien'");
    expect(readLiteral(sql)).toBe("O'Brien");
  });

  test('a value with backslashes becomes an E-string that means the same whatever standard_conforming_strings is', () => {
    const { sql } = bindPsqlVariables("SELECT :'path'", { path: 'C:\\temp\\x\'' });
    expect(sql).toBe("SELECT  E'C:\\\\temp\\\\x'''");
    expect(readLiteral(sql)).toBe("C:\\temp\\x'");
  });

  test('an injection attempt stays inside the literal', () => {
    const attack = "'; DROP TABLE x; --";
    const { sql } = bindPsqlVariables("SELECT :'v'", { v: attack });
    expect(readLiteral(sql)).toBe(attack);
    const analysis = analyzeSql(sql);
    expect(analysis.statements).toHaveLength(1);
    expect(analysis.destructive).toEqual([]);
  });

  test('an injection attempt with a backslash before the quote stays inside the literal', () => {
    const attack = "\\'; DROP TABLE x; --";
    const { sql } = bindPsqlVariables("SELECT :'v'", { v: attack });
    expect(readLiteral(sql)).toBe(attack);
    expect(analyzeSql(sql).destructive).toEqual([]);
  });

  test('identifiers double their double quotes', () => {
    const { sql } = bindPsqlVariables('SELECT 1 AS :"col"', { col: 'we"ird; DROP TABLE x' });
    expect(sql).toBe('SELECT 1 AS "we""ird; DROP TABLE x"');
    const analysis = analyzeSql(sql);
    expect(analysis.statements.map((statement) => statement.kind)).toEqual(['SelectStmt']);
    expect(analysis.destructive).toEqual([]);
  });

  test('unknown names stay as written and are reported once, in order', () => {
    expect(bindPsqlVariables("SELECT :b, :'a', :b, :c", { c: '1' })).toEqual({ sql: "SELECT :b, :'a', :b, 1", missing: ['b', 'a'] });
  });

  test('never touches strings, comments, dollar quotes, casts or slices', () => {
    const sql = "SELECT ':x', $$ :x $$, a::int, arr[1:2] -- :x\n, :x";
    expect(bindPsqlVariables(sql, { x: 'X', int: 'no' })).toEqual({ sql: "SELECT ':x', $$ :x $$, a::int, arr[1:2] -- :x\n, X", missing: [] });
  });

  test('does not read inherited properties as values', () => {
    expect(bindPsqlVariables('SELECT :constructor', {}).missing).toEqual(['constructor']);
  });
});

describe('quoting helpers', () => {
  test('literal and identifier quoting', () => {
    expect(quoteSqlLiteral('')).toBe("''");
    expect(quoteSqlLiteral('a\\b')).toBe(" E'a\\\\b'");
    expect(quoteSqlIdentifier('a"b')).toBe('"a""b"');
  });
});
