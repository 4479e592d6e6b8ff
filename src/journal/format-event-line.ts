/** The keys every line starts with, in this order; the rest follow sorted. */
const LEADING_KEYS = ['seq', 'ts', 'type', 'prev'] as const;

/** A line of events.jsonl before formatting: an event plus the chain fields. */
export interface LineRecord {
  seq: number;
  ts: string;
  type: string;
  prev: string;
  [key: string]: unknown;
}

/**
 * Formats a line of events.jsonl (without its newline) deterministically:
 * `seq, ts, type, prev` first, then the other keys sorted by code unit, and
 * every nested object's keys sorted too, so the same event always gives the
 * same bytes however it was built. No whitespace; `undefined` members are left
 * out as `JSON.stringify` does.
 */
export function formatEventLine(record: LineRecord): string {
  const rest = Object.keys(record)
    .filter((key) => !(LEADING_KEYS as readonly string[]).includes(key))
    .sort(compareKeys);
  const parts: string[] = [];
  for (const key of [...LEADING_KEYS, ...rest]) {
    const value = stringifyCanonical(record[key]);
    if (value !== undefined) parts.push(`${JSON.stringify(key)}:${value}`);
  }
  return `{${parts.join(',')}}`;
}

/** JSON with object keys sorted at every depth; `undefined` for values JSON leaves out. */
export function stringifyCanonical(value: unknown): string | undefined {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return stringifyCanonical((value as { toJSON: () => unknown }).toJSON());
  }
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (value === null || typeof value !== 'object') return JSON.stringify(value) as string | undefined;
  if (Array.isArray(value)) return `[${value.map((item) => stringifyCanonical(item) ?? 'null').join(',')}]`;
  const parts: string[] = [];
  for (const key of Object.keys(value).sort(compareKeys)) {
    const item = stringifyCanonical((value as Record<string, unknown>)[key]);
    if (item !== undefined) parts.push(`${JSON.stringify(key)}:${item}`);
  }
  return `{${parts.join(',')}}`;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
