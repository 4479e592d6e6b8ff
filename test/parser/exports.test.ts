import { describe, expect, it } from 'vitest';
import * as parser from '../../src/parser/index.js';

describe('the parser module', () => {
  it('exports exactly its public API', () => {
    expect(Object.keys(parser).sort()).toEqual([
      'analyzeShell',
      'analyzeSql',
      'bindPsqlVariables',
      'evaluateExpectation',
      'extractLastNumber',
      'isSecretName',
      'loadSqlParser',
      'parseExpectation',
      'parseRunbook',
      'parseRunbookSync',
    ]);
  });
});
