import { describe, expect, it } from 'vitest';
import { ExpectationResultSchema, ExpectationSchema } from '../../src/model/expectation.js';

describe('ExpectationSchema', () => {
  it.each([
    { source: 'exit == 0', subject: 'exit', op: '==', value: { kind: 'number', value: 0 } },
    { source: 'api stdout matches /x/i', cell: 'api', subject: 'stdout', op: 'matches', value: { kind: 'regex', pattern: 'x', flags: 'i' } },
    { source: 'duration < 2s', subject: 'duration', op: '<', value: { kind: 'duration', ms: 2000 } },
    { source: 'stdout not contains "x"', subject: 'stdout', op: 'not contains', value: { kind: 'string', value: 'x' } },
  ])('accepts $source', (expectation) => {
    expect(ExpectationSchema.parse(expectation)).toEqual(expectation);
  });

  it.each([
    ['an unknown subject', { source: '', subject: 'status', op: '==', value: { kind: 'number', value: 0 } }],
    ['an unknown operator', { source: '', subject: 'exit', op: '=', value: { kind: 'number', value: 0 } }],
    ['a global regex', { source: '', subject: 'stdout', op: 'matches', value: { kind: 'regex', pattern: 'x', flags: 'g' } }],
    ['a negative duration', { source: '', subject: 'duration', op: '<', value: { kind: 'duration', ms: -1 } }],
  ])('rejects %s', (_, expectation) => {
    expect(ExpectationSchema.safeParse(expectation).success).toBe(false);
  });

  it('describes results', () => {
    expect(ExpectationResultSchema.parse({ passed: true, expected: 'exit == 0', actual: '0' })).toEqual({ passed: true, expected: 'exit == 0', actual: '0' });
  });
});
