import { describe, expect, it } from 'vitest';
import * as sql from '../../../src/executor/sql/index.js';

describe('the SQL executor module', () => {
  it('exports exactly its public API', () => {
    expect(Object.keys(sql).sort()).toEqual(['createSqlSessions', 'resolveTarget']);
  });
});
