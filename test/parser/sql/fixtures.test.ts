import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeSql, loadSqlParser, type SqlAnalysis } from '../../../src/parser/sql/index.js';

// One folder per case: input.sql, and expected.json beside it. `UPDATE=1` rewrites
// the expectations (review the diff before committing).
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

function project(analysis: SqlAnalysis): unknown {
  return {
    ...analysis,
    statements: analysis.statements.map(({ kind, line, column, readonly, text }) => ({ kind, line, column, readonly, text })),
  };
}

beforeAll(loadSqlParser);

describe('SQL fixtures', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    test(name, () => {
      const input = readFileSync(join(FIXTURES, name, 'input.sql'), 'utf8');
      const actual = project(analyzeSql(input));
      const file = join(FIXTURES, name, 'expected.json');
      if (process.env.UPDATE === '1') writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
      expect(existsSync(file), `${file} is missing: run with UPDATE=1 and review it`).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    });
  }
});
