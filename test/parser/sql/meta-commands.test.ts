import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeSql, loadSqlParser } from '../../../src/parser/sql/index.js';

beforeAll(loadSqlParser);

describe('psql meta-commands', () => {
  test('are reported with their line and kept out of the statements', () => {
    const source = ['\\x', '\\timing on', '\\c reports', 'SELECT 1;', '\\set limit 10', 'SELECT 2;'].join('\n');
    const analysis = analyzeSql(source);
    expect(analysis.error).toBeUndefined();
    expect(analysis.metaCommands.map(({ text, command, args, line }) => ({ text, command, args, line }))).toEqual([
      { text: '\\x', command: 'x', args: [], line: 1 },
      { text: '\\timing on', command: 'timing', args: ['on'], line: 2 },
      { text: '\\c reports', command: 'c', args: ['reports'], line: 3 },
      { text: '\\set limit 10', command: 'set', args: ['limit', '10'], line: 5 },
    ]);
    expect(analysis.statements.map((statement) => [statement.text, statement.line])).toEqual([
      ['SELECT 1', 4],
      ['SELECT 2', 6],
    ]);
  });

  test('a \\gset after a query ends that query, as in psql', () => {
    const analysis = analyzeSql('SELECT count(*) AS n FROM t \\gset\nSELECT :n');
    expect(analysis.error).toBeUndefined();
    expect(analysis.metaCommands).toEqual([{ text: '\\gset', command: 'gset', args: [], line: 1, column: 29 }]);
    expect(analysis.statements.map((statement) => statement.text)).toEqual(['SELECT count(*) AS n FROM t', 'SELECT :n']);
  });

  test('backslashes inside strings, E-strings, dollar quotes and comments are not meta-commands', () => {
    const source = "SELECT '\\x', E'\\\\n', $$\n\\c db\n$$ -- \\q\n;";
    const analysis = analyzeSql(source);
    expect(analysis.metaCommands).toEqual([]);
    expect(analysis.statements).toHaveLength(1);
  });

  test('symbol commands are one character, and a meta-command may hold unbalanced quotes', () => {
    const analysis = analyzeSql("\\! echo don't\n\\echo it's\nSELECT 1;");
    expect(analysis.metaCommands.map((meta) => meta.command)).toEqual(['!', 'echo']);
    expect(analysis.error).toBeUndefined();
    expect(analysis.statements.map((statement) => statement.text)).toEqual(['SELECT 1']);
  });

  test('psql\'s \\; separates statements and is not a meta-command', () => {
    const analysis = analyzeSql('SELECT 1 \\; SELECT 2;\nTRUNCATE t');
    expect(analysis.error).toBeUndefined();
    expect(analysis.metaCommands).toEqual([]);
    expect(analysis.statements.map(({ text, column }) => [text, column])).toEqual([
      ['SELECT 1', 1],
      ['SELECT 2', 13],
      ['TRUNCATE t', 1],
    ]);
  });
});
