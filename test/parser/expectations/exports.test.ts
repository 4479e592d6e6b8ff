import { expect, it } from 'vitest';
import * as expectations from '../../../src/parser/expectations/index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(expectations).sort()).toEqual([
    'OPERATORS_BY_SUBJECT',
    'evaluateExpectation',
    'extractLastNumber',
    'formatExpectation',
    'formatLiteral',
    'parseExpectation',
  ]);
});
