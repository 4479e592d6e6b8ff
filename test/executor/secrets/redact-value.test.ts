import { describe, expect, it } from 'vitest';
import { createRedactor, redactValue } from '../../../src/executor/secrets/index.js';
import { LitopsError } from '../../../src/model/errors.js';

const redactor = createRedactor(['hunter2', '4242']);

describe('redactValue', () => {
  it('redacts strings at any depth, in objects and arrays, without changing the input', () => {
    const event = { type: 'cell.end', stdout: 'pw hunter2', nested: { list: ['a', 'hunter2', ['deep hunter2']], ok: true, none: null, gone: undefined } };
    const copy = structuredClone(event);
    expect(redactValue(event, redactor)).toEqual({
      type: 'cell.end',
      stdout: 'pw [REDACTED]',
      nested: { list: ['a', '[REDACTED]', ['deep [REDACTED]']], ok: true, none: null, gone: undefined },
    });
    expect(event).toEqual(copy);
  });

  it('redacts SQL rows, turning numbers that hold a secret into text', () => {
    const rows = [{ id: 1, pin: 4242, big: 424200n, note: 'x' }, [3.5, 14242, 7]];
    expect(redactValue(rows, redactor)).toEqual([{ id: 1, pin: '[REDACTED]', big: '[REDACTED]00', note: 'x' }, [3.5, '1[REDACTED]', 7]]);
  });

  it('redacts keys, numbering keys that would collide', () => {
    expect(redactValue({ hunter2: 1, 'x hunter2': 2, '[REDACTED]': 3, 4242: 4 }, redactor)).toEqual({
      '[REDACTED]': 4,
      'x [REDACTED]': 2,
      '[REDACTED]#2': 1,
      '[REDACTED]#3': 3,
    });
  });

  it('redacts what JSON.stringify would write for objects with toJSON', () => {
    const date = new Date('2024-04-24T12:00:00.000Z');
    expect(redactValue({ at: date, custom: { toJSON: () => ({ secret: 'hunter2' }) } }, createRedactor(['hunter2', '04-24']))).toEqual({
      at: '2024-[REDACTED]T12:00:00.000Z',
      custom: { secret: '[REDACTED]' },
    });
  });

  it('passes other primitives through, and takes shared (non-circular) references', () => {
    expect(redactValue(null, redactor)).toBeNull();
    expect(redactValue(false, redactor)).toBe(false);
    expect(redactValue(undefined, redactor)).toBeUndefined();
    expect(redactValue(12, redactor)).toBe(12);
    const shared = { s: 'hunter2' };
    expect(redactValue([shared, shared], redactor)).toEqual([{ s: '[REDACTED]' }, { s: '[REDACTED]' }]);
  });

  it('throws LitopsError for a value that contains itself', () => {
    const loop: Record<string, unknown> = { a: 'x' };
    loop.self = { back: loop };
    expect(() => redactValue(loop, redactor)).toThrow(LitopsError);
    expect(() => redactValue(loop, redactor)).toThrow('cannot redact a value that contains itself (a circular reference)');
  });
});
