import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeSql, loadSqlParser, splitSqlStatements } from '../../../src/parser/sql/index.js';

beforeAll(loadSqlParser);

const summarize = (source: string) =>
  splitSqlStatements(source).map(({ text, kind, line, column }) => ({ text, kind, line, column }));

describe('splitSqlStatements', () => {
  test('splits at semicolons, without them, with lines and columns of the first word', () => {
    const source = '-- Update table statistics\nANALYZE VERBOSE;\n\n-- Update specific tables\nANALYZE bills;  ANALYZE users;\n';
    expect(summarize(source)).toEqual([
      { text: 'ANALYZE VERBOSE', kind: 'VacuumStmt', line: 2, column: 1 },
      { text: 'ANALYZE bills', kind: 'VacuumStmt', line: 5, column: 1 },
      { text: 'ANALYZE users', kind: 'VacuumStmt', line: 5, column: 17 },
    ]);
  });

  test('start and end delimit exactly the text in the source', () => {
    const source = '  SELECT 1 ;\nSELECT 2 -- trailing comment\n';
    for (const statement of splitSqlStatements(source)) {
      expect(source.slice(statement.start, statement.end)).toBe(statement.text);
    }
    expect(summarize(source).map((statement) => statement.text)).toEqual(['SELECT 1', 'SELECT 2']);
  });

  test('the last statement may lack a semicolon and keeps no trailing comment', () => {
    expect(summarize('SELECT 1;\nSELECT 2 /* done */ -- really\n').map((s) => s.text)).toEqual(['SELECT 1', 'SELECT 2']);
  });

  test('semicolons in strings, identifiers, comments and dollar quotes do not split', () => {
    const source = [
      "SELECT 'a;b', E'it\\'s; fine', \"odd;name\" FROM t; -- c;d",
      '/* x; /* nested; */ still comment; */ SELECT $$ ; $$, $tag$ $$ ; $tag$;',
      'CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $fn$',
      'BEGIN',
      '  PERFORM 1; RETURN 2;',
      'END',
      '$fn$;',
    ].join('\n');
    expect(summarize(source).map(({ kind, line }) => [kind, line])).toEqual([
      ['SelectStmt', 1],
      ['SelectStmt', 2],
      ['CreateFunctionStmt', 3],
    ]);
  });

  test('SQL-standard function bodies and rule actions are one statement each (the parser, not a lexer, splits)', () => {
    const source = [
      'CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;',
      'CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO log VALUES (1); INSERT INTO log VALUES (2));',
    ].join('\n');
    expect(summarize(source).map(({ kind }) => kind)).toEqual(['CreateFunctionStmt', 'RuleStmt']);
  });

  test('non-ASCII text before a statement does not shift its offsets (the parser counts bytes)', () => {
    const source = "-- Prüfung 漢字 😀\nSELECT 'é' AS «x»; SELECT 'ü';\n";
    const statements = splitSqlStatements(source);
    expect(statements.map((statement) => statement.text)).toEqual(["SELECT 'é' AS «x»", "SELECT 'ü'"]);
    expect(statements.map(({ line, column }) => [line, column])).toEqual([
      [2, 1],
      [2, 20],
    ]);
    for (const statement of statements) expect(source.slice(statement.start, statement.end)).toBe(statement.text);
  });

  test('empty statements, blank text and comments yield nothing', () => {
    expect(summarize('')).toEqual([]);
    expect(summarize(' ;;\n-- only a comment\n')).toEqual([]);
    expect(analyzeSql('-- nothing here').readonly).toBe(true);
  });

  test('VACUUM and CREATE INDEX CONCURRENTLY come out alone, so they can be sent one at a time', () => {
    const source = 'VACUUM ANALYZE; CREATE INDEX CONCURRENTLY i ON t (a); SELECT 1';
    expect(summarize(source).map((s) => s.text)).toEqual(['VACUUM ANALYZE', 'CREATE INDEX CONCURRENTLY i ON t (a)', 'SELECT 1']);
  });

  test('CRLF line endings', () => {
    const statements = splitSqlStatements('-- a\r\nSELECT 1;\r\n\r\nSELECT 2 -- b\r\n');
    expect(statements.map(({ text, line }) => [text, line])).toEqual([
      ['SELECT 1', 2],
      ['SELECT 2', 4],
    ]);
  });
});
