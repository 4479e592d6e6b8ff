import { expect, test } from 'vitest';
import * as sql from '../../../src/parser/sql/index.js';

test('the public API changes only on purpose', () => {
  expect(Object.keys(sql).sort()).toEqual([
    'DIALECT_DESTRUCTIVE_RULES',
    'SQL_DESTRUCTIVE_RULES',
    'analyzeSql',
    'bindPsqlVariables',
    'findDialectDestructive',
    'isSqlParserLoaded',
    'loadSqlParser',
    'looksLikeSql',
    'quoteSqlIdentifier',
    'quoteSqlLiteral',
    'splitSqlStatements',
  ]);
});
