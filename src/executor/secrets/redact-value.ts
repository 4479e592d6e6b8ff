import { LitopsError } from '../../model/errors.js';
import type { Redactor } from './create-redactor.js';

/**
 * A copy of a JSON-like value (an event, a SQL row) with every string
 * redacted, however deep; the input is not changed. Redacts what JSON.stringify
 * would write:
 *
 * - strings, and object keys (a key that collides with another once redacted
 *   gets a `#2`, `#3`... suffix rather than overwrite it);
 * - numbers and bigints whose text holds a secret become the redacted text
 *   (a PIN `1234` in a SQL row is a secret too), others stay numbers;
 * - objects with `toJSON` (Date, Buffer) are redacted as what it returns;
 * - other objects as their own enumerable properties; booleans, null and
 *   undefined as they are.
 *
 * Throws LitopsError `circular-value` for a value that contains itself.
 */
export function redactValue(value: unknown, redactor: Pick<Redactor, 'redact'>): unknown {
  return redactInner(value, redactor, new Set());
}

function redactInner(value: unknown, redactor: Pick<Redactor, 'redact'>, ancestors: Set<object>): unknown {
  if (typeof value === 'string') return redactor.redact(value);
  if (typeof value === 'number' || typeof value === 'bigint') {
    const text = String(value);
    const redacted = redactor.redact(text);
    return redacted === text ? value : redacted;
  }
  if (typeof value !== 'object' || value === null) return value;
  if (ancestors.has(value)) throw new LitopsError('circular-value', 'cannot redact a value that contains itself (a circular reference)');
  ancestors.add(value);
  try {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return redactInner(toJSON.call(value), redactor, ancestors);
    if (Array.isArray(value)) return value.map((item) => redactInner(item, redactor, ancestors));
    const entries = new Map<string, unknown>();
    for (const [key, item] of Object.entries(value)) {
      entries.set(findFreeKey(redactor.redact(key), entries), redactInner(item, redactor, ancestors));
    }
    return Object.fromEntries(entries);
  } finally {
    ancestors.delete(value);
  }
}

function findFreeKey(key: string, taken: ReadonlyMap<string, unknown>): string {
  if (!taken.has(key)) return key;
  let n = 2;
  while (taken.has(`${key}#${n}`)) n += 1;
  return `${key}#${n}`;
}
