import { expect, test } from 'vitest';
import * as sql from '../../../src/parser/sql/index.js';

test('the public API changes only on purpose', () => {
  expect(Object.keys(sql).sort()).toEqual([
    'SQL_DESTRUCTIVE_RULES',
    'analyzeSql',
    'bindPsqlVariables',
    'isSqlParserLoaded',
    'loadSqlParser',
    'looksLikeSql',
    'quoteSqlIdentifier',
    'quoteSqlLiteral',
    'splitSqlStatements',
  ]);
});
