import { describe, expect, it } from 'vitest';
import { evaluateExpectation, parseExpectation } from '../../../src/parser/index.js';

const check = (source: string, stdout: string) => {
  const parsed = parseExpectation(source);
  if (!parsed.ok) throw new Error(parsed.message);
  return evaluateExpectation(parsed.expectation, { stdout }).passed;
};

describe('matches, like grep', () => {
  it('anchors ^ and $ at every line, so output ending in a newline still matches /...$/', () => {
    expect(check('stdout matches /^ready$/', 'starting\nready\n')).toBe(true);
    expect(check('stdout matches /^ready$/', 'starting\nnot ready\n')).toBe(false);
    expect(check('stdout not matches /^error/', 'ok\nerror: x\n')).toBe(false);
  });
});
