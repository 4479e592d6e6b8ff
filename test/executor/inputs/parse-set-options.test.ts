import { describe, expect, it } from 'vitest';
import { parseSetOptions } from '../../../src/executor/inputs/index.js';
import { UsageError } from '../../../src/model/errors.js';

function captureError(values: string[]): UsageError {
  try {
    parseSetOptions(values);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error(`parsed ${JSON.stringify(values)} without error`);
}

describe('parseSetOptions', () => {
  it('reads KEY=VALUE options, keeping "=" in values and empty values', () => {
    expect(parseSetOptions(['DB_HOST=db1', 'URL=postgres://a/b?x=1&y=2', 'EMPTY=', '_x9=='])).toEqual({
      DB_HOST: 'db1',
      URL: 'postgres://a/b?x=1&y=2',
      EMPTY: '',
      _x9: '=',
    });
  });

  it('gives nothing for no options, and lets a later --set of a name win', () => {
    expect(parseSetOptions([])).toEqual({});
    expect(parseSetOptions(['A=1', 'B=2', 'A=3'])).toEqual({ A: '3', B: '2' });
  });

  it('keeps values verbatim: spaces, quotes, newlines', () => {
    expect(parseSetOptions(['A= spaced ', 'B="quoted"', "C='x'", 'D=line1\nline2'])).toEqual({ A: ' spaced ', B: '"quoted"', C: "'x'", D: 'line1\nline2' });
  });

  it('stores names such as __proto__ and constructor as plain keys', () => {
    const values = parseSetOptions(['__proto__=x', 'constructor=y']);
    expect(Object.keys(values).sort()).toEqual(['__proto__', 'constructor']);
    expect(values['__proto__']).toBe('x');
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
  });

  it('rejects a name without "=", naming --set and how to write it', () => {
    const error = captureError(['A=1', 'DB_HOST']);
    expect(error.message).toBe('--set DB_HOST: expected KEY=VALUE, got a name without "=" (write --set DB_HOST=VALUE, or --set DB_HOST= for an empty value)');
    expect(error.exitCode).toBe(2);
    expect(error.code).toBe('bad-set-option');
  });

  it('never shows what may be a secret in its messages', () => {
    expect(captureError(['DB_PASSWORD:hunter2']).message).toBe('--set: expected KEY=VALUE, got an argument without "=" (not shown: it may be a secret)');
    const badName = captureError(['db-password=hunter2']).message;
    expect(badName).toBe('--set "db-password"=...: "db-password" is not a variable name (letters, digits and _, not starting with a digit)');
    expect(badName).not.toContain('hunter2');
  });

  it('rejects an empty argument, an empty name and names starting with a digit', () => {
    expect(captureError(['']).message).toBe('--set: expected KEY=VALUE, got an empty argument');
    expect(captureError(['=x']).message).toBe('--set =...: expected KEY=VALUE, but the name before "=" is empty');
    expect(captureError(['1A=x']).message).toContain('"1A" is not a variable name');
    expect(captureError([' A=x']).message).toContain('" A" is not a variable name');
  });
});
