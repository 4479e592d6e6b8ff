import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatEventLine } from '../../src/journal/index.js';

describe('formatEventLine', () => {
  it('puts seq, ts, type, prev first, then the other keys sorted at every depth', () => {
    const line = formatEventLine({ zeta: { b: 1, a: [{ d: 1, c: 2 }] }, prev: 'sha256:00', alpha: true, type: 'x', ts: 't', seq: 3 });
    expect(line).toBe('{"seq":3,"ts":"t","type":"x","prev":"sha256:00","alpha":true,"zeta":{"a":[{"c":2,"d":1}],"b":1}}');
  });

  it('leaves out undefined members as JSON does, and writes bigints and dates as strings', () => {
    const line = formatEventLine({ seq: 0, ts: 't', type: 'x', prev: 'p', gone: undefined, list: [undefined, 1], big: 12n, at: new Date(0) });
    expect(line).toBe('{"seq":0,"ts":"t","type":"x","prev":"p","at":"1970-01-01T00:00:00.000Z","big":"12","list":[null,1]}');
  });

  it('gives the same bytes however the object was built, parses back to the same value, and holds no newline', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string().filter((key) => !['seq', 'ts', 'type', 'prev', '__proto__'].includes(key)), fc.jsonValue()), (rest) => {
        const record = { seq: 1, ts: 't', type: 'x', prev: 'p', ...rest };
        const reversed = Object.fromEntries(Object.entries(record).reverse()) as typeof record;
        const line = formatEventLine(record);
        expect(formatEventLine(reversed)).toBe(line);
        expect(line).not.toContain('\n');
        expect(JSON.parse(line)).toEqual(JSON.parse(JSON.stringify(record)));
      }),
    );
  });
});
