import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DurationSchema, formatDuration, parseDuration } from '../../src/model/duration.js';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['2s', 2_000],
    ['1.5s', 1_500],
    ['.5s', 500],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['1m30s', 90_000],
    ['1h 30m', 5_400_000],
    ['1s500ms', 1_500],
    ['  2s  ', 2_000],
    ['0', 0],
    ['30', 30_000],
    ['5', 5_000],
    ['0.25', 250],
    ['1.0005s', 1_001],
    [30, 30_000],
    [0.5, 500],
    [0, 0],
  ] as const)('%j is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '   ', 'abc', '5x', '5M', '-5s', '-5', '1h1h', '30m1h', '1s2m', '1.5.3s', '1h30', 's', '2 s s', '1e3s'])('%j is not a duration', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('the number %d is not a duration', (value) => {
    expect(parseDuration(value)).toBeNull();
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0ms'],
    [1, '1ms'],
    [999, '999ms'],
    [1_000, '1s'],
    [1_500, '1.5s'],
    [60_000, '1m'],
    [61_500, '1m1.5s'],
    [90_000, '1m30s'],
    [3_600_000, '1h'],
    [3_723_250, '1h2m3.25s'],
    [5_400_000, '1h30m'],
    [-500, '-500ms'],
    [1.4, '1ms'],
  ])('%d ms is %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('round-trips every whole number of milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 * 86_400_000 }), (ms) => parseDuration(formatDuration(ms)) === ms),
    );
  });
});

describe('DurationSchema', () => {
  it('turns user text and numbers (seconds) into milliseconds', () => {
    expect(DurationSchema.parse('1h30m')).toBe(5_400_000);
    expect(DurationSchema.parse(90)).toBe(90_000);
  });

  it.each([
    ['forever', 'expected a duration such as 500ms, 30s, 5m or 1h30m, got "forever"'],
    [true, 'expected a duration such as 500ms, 30s, 5m or 1h30m, got true'],
    [['1s'], 'expected a duration such as 500ms, 30s, 5m or 1h30m, got a list'],
  ])('rejects %j with a clear message', (value, message) => {
    const result = DurationSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });
});
