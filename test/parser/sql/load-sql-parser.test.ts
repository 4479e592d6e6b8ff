import { expect, test } from 'vitest';
import { LitopsError } from '../../../src/model/errors.js';
import { analyzeSql, isSqlParserLoaded, loadSqlParser, looksLikeSql } from '../../../src/parser/sql/index.js';

// Vitest gives each test file its own module instances, so here the parser starts unloaded.
test('analysing before loading is a programming error that says what to do', () => {
  expect(isSqlParserLoaded()).toBe(false);
  expect(() => analyzeSql('SELECT 1')).toThrow(LitopsError);
  expect(() => analyzeSql('SELECT 1')).toThrow(/loadSqlParser\(\)/);
  expect(() => looksLikeSql('SELECT 1')).toThrow(/loadSqlParser\(\)/);
});

test('loading is idempotent and then analysis is synchronous', async () => {
  const first = loadSqlParser();
  expect(loadSqlParser()).toBe(first);
  await first;
  await loadSqlParser();
  expect(isSqlParserLoaded()).toBe(true);
  expect(analyzeSql('SELECT 1').statements.map((statement) => statement.kind)).toEqual(['SelectStmt']);
});
