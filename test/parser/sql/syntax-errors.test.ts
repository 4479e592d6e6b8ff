import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeSql, loadSqlParser } from '../../../src/parser/sql/index.js';

beforeAll(loadSqlParser);

describe('syntax errors', () => {
  test('are returned with the server wording at the line and column of the cursor', () => {
    const analysis = analyzeSql('SELECT 1;\n\nSELEC 2;');
    expect(analysis.error).toEqual({ message: 'syntax error at or near "SELEC"', line: 3, column: 1 });
    expect(analysis.readonly).toBe(false);
  });

  test('the column counts characters, not bytes, after non-ASCII text', () => {
    // The parser reports a character count; é, 漢 and 😀 must not push the column right.
    expect(analyzeSql("SELECT 'é漢😀' frm t").error).toEqual({ message: 'syntax error at or near "t"', line: 1, column: 19 });
    expect(analyzeSql("-- déjà vu\nSELECT 'ß' FORM users;").error).toMatchObject({ line: 2, column: 17 });
  });

  test('positions after a psql variable and a meta-command are in the original text', () => {
    const analysis = analyzeSql("\\timing on\nSELECT :'name', :x FRUM t");
    expect(analysis.error).toEqual({ message: 'syntax error at or near "t"', line: 2, column: 25 });
  });

  test('the statements around the error are still split, analysed and marked', () => {
    const analysis = analyzeSql('DELETE FROM a;\nSELEC 2;\nDROP TABLE b;');
    expect(analysis.statements.map(({ text, kind }) => [text, kind])).toEqual([
      ['DELETE FROM a', 'DeleteStmt'],
      ['SELEC 2', null],
      ['DROP TABLE b', 'DropStmt'],
    ]);
    expect(analysis.destructive.map(({ rule, line }) => [rule, line])).toEqual([
      ['sql-delete-without-where', 1],
      ['sql-drop', 3],
    ]);
  });

  test('an unterminated string or dollar quote is an error, not an exception', () => {
    expect(analyzeSql("SELECT 1;\nSELECT 'open").error).toMatchObject({ message: expect.stringMatching(/unterminated quoted string/), line: 2, column: 8 });
    expect(analyzeSql('SELECT $$open').error?.message).toMatch(/unterminated dollar-quoted string/);
    expect(analyzeSql('SELECT 1 /* open').error?.message).toMatch(/unterminated \/\* comment/);
  });

  test('prose is an error', () => {
    expect(analyzeSql('INCIDENT ALERT - Ainur Protocol').error?.message).toBe('syntax error at or near "INCIDENT"');
  });
});
