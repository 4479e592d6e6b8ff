import fc from 'fast-check';
import { parseSync } from 'libpg-query';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeSql, bindPsqlVariables, loadSqlParser } from '../../../src/parser/sql/index.js';

beforeAll(loadSqlParser);

// Pieces that stress the lexer: quotes, comments, dollar quotes, psql syntax, non-ASCII.
const piece = fc.constantFrom(
  'SELECT 1', 'DELETE FROM t', ';', "'", '"', '$$', '$a$', '--', '/*', '*/', '\n', ' ', ':x', ":'y'", ':"z"', '::int',
  '\\x', '\\;', 'E\'', '\\', '(', ')', 'é', '😀', '漢', 'DROP TABLE u', 'WHERE a = 1',
);
const sqlish = fc.oneof(fc.array(piece, { maxLength: 30 }).map((parts) => parts.join('')), fc.string({ unit: 'grapheme', maxLength: 60 }));

describe('properties', () => {
  test('analyzeSql never throws, and every statement is exactly its slice of the source', () => {
    fc.assert(
      fc.property(sqlish, (source) => {
        const analysis = analyzeSql(source);
        for (const statement of analysis.statements) {
          expect(source.slice(statement.start, statement.end)).toBe(statement.text);
          expect(statement.text.trim()).toBe(statement.text);
        }
        if (analysis.error) {
          expect(analysis.error.line).toBeGreaterThanOrEqual(1);
          expect(analysis.error.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 400 },
    );
  });

  test("a bound :'literal' always reads back as exactly the value, as a single statement", () => {
    const value = fc.string({ unit: 'grapheme', maxLength: 30 }).map((text) => text.replace(/\0/g, ''));
    fc.assert(
      fc.property(fc.array(fc.oneof(value, fc.constantFrom("'", '\\', "\\'", "'; DROP TABLE x; --")), { maxLength: 4 }), (parts) => {
        const text = parts.join('');
        const { sql } = bindPsqlVariables("SELECT :'v'", { v: text });
        const statements = parseSync(sql).stmts ?? [];
        expect(statements).toHaveLength(1);
        const constant = JSON.parse(JSON.stringify(statements[0]?.stmt)).SelectStmt.targetList[0].ResTarget.val.A_Const;
        expect(constant.sval?.sval ?? '').toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  test('a bound :"identifier" always names exactly the value', () => {
    // PostgreSQL truncates identifiers longer than 63 bytes, so stay within that.
    const name = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
      .filter((text) => !text.includes('\0') && Buffer.byteLength(text) <= 63);
    fc.assert(
      fc.property(name, (text) => {
        const { sql } = bindPsqlVariables('SELECT 1 AS :"v"', { v: text });
        const statements = parseSync(sql).stmts ?? [];
        expect(statements).toHaveLength(1);
        const alias = JSON.parse(JSON.stringify(statements[0]?.stmt)).SelectStmt.targetList[0].ResTarget.name;
        expect(alias).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
