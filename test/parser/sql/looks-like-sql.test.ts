import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadSqlParser, looksLikeSql } from '../../../src/parser/sql/index.js';

beforeAll(loadSqlParser);

describe('looksLikeSql', () => {
  test.each([
    'SELECT * FROM pg_stat_activity',
    'select count(*) from t',
    'VACUUM',
    'SHOW ALL',
    'vacuum analyze;',
    'ANALYZE VERBOSE;\nANALYZE bills;',
    '-- check\nSELECT 1;',
    '\\x\nSELECT * FROM t WHERE id = :id;',
    readFileSync(new URL('./fixtures/seed-004-connections/input.sql', import.meta.url), 'utf8'),
  ])('%s is SQL', (text) => {
    expect(looksLikeSql(text)).toBe(true);
  });

  test.each([
    'ok',
    '',
    'INCIDENT ALERT - Ainur Protocol\n\nSeverity: [CRITICAL/HIGH/MEDIUM]\nService: [API/Database]',
    'Critical (P1): Service unavailable, data loss, security breach',
    'Show all',
    'Checkpoint',
    'Begin',
    'analyze',
    'ls -la /var/log',
    'kubectl rollout undo deployment/app',
    'key: value',
    'SELECT 1; SELEC 2;',
    '\\dt',
  ])('%s is not SQL', (text) => {
    expect(looksLikeSql(text)).toBe(false);
  });
});
