import { z } from 'zod';

const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 } as const;
type Unit = keyof typeof UNIT_MS;
const UNIT_ORDER: readonly Unit[] = ['h', 'm', 's', 'ms'];
const PLAIN_NUMBER = /^(?:\d+(?:\.\d+)?|\.\d+)$/;
const PART = /(\d+(?:\.\d+)?|\.\d+)\s*(ms|h|m|s)/y;

/**
 * Parses a duration into whole milliseconds, or returns null when `text` is not one.
 *
 * Accepts `500ms`, `2s`, `1.5s`, `5m`, `1h`, and compounds with units in
 * descending order, each at most once (`1h30m`, `1m 30s`, `1s500ms`). A plain
 * number, or a string holding one, counts as seconds (`30` and `"30"` are 30 s).
 * Units are lowercase (`5M` is rejected: month or minute?). Negative, empty and
 * non-finite inputs give null. Fractions of a millisecond are rounded.
 */
export function parseDuration(text: string | number): number | null {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? Math.round(text * 1000) : null;
  const source = text.trim();
  if (source === '') return null;
  if (PLAIN_NUMBER.test(source)) return Math.round(Number(source) * 1000);
  let total = 0;
  let lastUnit = -1;
  PART.lastIndex = 0;
  while (PART.lastIndex < source.length) {
    const match = PART.exec(source);
    if (!match) return null;
    const unitIndex = UNIT_ORDER.indexOf(match[2] as Unit);
    if (unitIndex <= lastUnit) return null;
    lastUnit = unitIndex;
    total += Number(match[1]) * UNIT_MS[match[2] as Unit];
    while (source[PART.lastIndex] === ' ') PART.lastIndex += 1;
  }
  return Math.round(total);
}

/**
 * Formats milliseconds compactly so that `parseDuration(formatDuration(ms)) === ms`
 * for whole non-negative milliseconds: `0ms`, `500ms`, `1.5s`, `1m30s`, `1h2m3.25s`.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms < 0) return `-${formatDuration(-ms)}`;
  const rounded = Math.round(ms);
  if (rounded < 1000) return `${rounded}ms`;
  const hours = Math.floor(rounded / UNIT_MS.h);
  const minutes = Math.floor((rounded % UNIT_MS.h) / UNIT_MS.m);
  const seconds = (rounded % UNIT_MS.m) / 1000;
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours}h`);
  if (minutes > 0) parts.push(`${minutes}m`);
  if (seconds > 0) parts.push(`${seconds}s`);
  return parts.join('');
}

/**
 * A duration as written by a user (`"30s"`, `"1h30m"`, `90` meaning seconds),
 * transformed to whole milliseconds. Use it only on raw input: re-parsing an
 * already normalised value would read milliseconds as seconds.
 */
export const DurationSchema = z.unknown().transform((value, ctx): number => {
  const ms = typeof value === 'string' || typeof value === 'number' ? parseDuration(value) : null;
  if (ms === null) {
    ctx.addIssue({
      code: 'custom',
      message: `expected a duration such as 500ms, 30s, 5m or 1h30m, got ${describeValue(value)}`,
    });
    return z.NEVER;
  }
  return ms;
});

/** A short description of a raw value for messages: `"abc"`, `-3`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a table of keys';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}
