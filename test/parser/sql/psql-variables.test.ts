import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeSql, loadSqlParser } from '../../../src/parser/sql/index.js';

beforeAll(loadSqlParser);

const variablesOf = (source: string) => analyzeSql(source).variables.map(({ name, quoting }) => `${quoting}:${name}`);

describe('psql variables', () => {
  test('finds all three forms with their positions, and the statement still parses', () => {
    const source = 'SELECT *\nFROM :"schema".orders\nWHERE id = :order_id AND note = :\'note\';';
    const analysis = analyzeSql(source);
    expect(analysis.error).toBeUndefined();
    expect(analysis.variables).toEqual([
      { name: 'schema', quoting: 'identifier', line: 2, column: 6 },
      { name: 'order_id', quoting: 'none', line: 3, column: 12 },
      { name: 'note', quoting: 'literal', line: 3, column: 33 },
    ]);
    expect(analysis.statements[0]).toMatchObject({ kind: 'SelectStmt', text: source.slice(0, -1) });
  });

  test('leaves casts, named arguments and array slices alone', () => {
    const source = "SELECT a::int, b::text[], f(x := 1), arr[1:2], arr[lo:hi], arr[:3], ::ignored_cast FROM t";
    expect(variablesOf(source)).toEqual([]);
    expect(variablesOf('SELECT :n::int, :\'s\'::date')).toEqual(['none:n', 'literal:s']);
    expect(analyzeSql('SELECT :n::int, :\'s\'::date').error).toBeUndefined();
  });

  test('ignores look-alikes in strings, quoted identifiers, comments and dollar quotes', () => {
    const source = [
      "SELECT ':a', E'\\':b', \":c\" FROM t -- :d",
      '/* :e /* :f */ */ SELECT $$ :g $$, $q$ :h $q$, U&\':i\';',
    ].join('\n');
    expect(variablesOf(source)).toEqual([]);
  });

  test('a variable right after an E-string or a dollar quote is found', () => {
    expect(variablesOf("SELECT E'x\\'', :after, $$y$$ || :'tail'")).toEqual(['none:after', 'literal:tail']);
  });

  test('non-ASCII names are psql names, and raw variables parse wherever an identifier may stand', () => {
    const analysis = analyzeSql('SELECT * FROM :tablé LIMIT :n OFFSET :m');
    expect(analysis.variables.map((variable) => variable.name)).toEqual(['tablé', 'n', 'm']);
    expect(analysis.error).toBeUndefined();
    expect(analysis.statements[0]?.text).toBe('SELECT * FROM :tablé LIMIT :n OFFSET :m');
  });
});
