import { createHash } from 'node:crypto';

/** The text the redactor puts where a secret was. */
export const REDACTED = '[REDACTED]';

/** At most this many candidate sources are hashed for one cell. */
const MAX_TRIES = 20_000;

/**
 * Restores a recorded source whose secrets were replaced by `[REDACTED]`: tries
 * each candidate value in each `[REDACTED]` slot and keeps the text whose sha256
 * is the recorded one, so a restored source is provably the exact text that ran.
 * `[REDACTED]` itself is always a candidate (a source may contain that text).
 * Null when nothing matches, or when there are too many combinations to try.
 */
export function restoreRedactedSource(recorded: string, sha256: string, candidates: readonly string[]): string | null {
  const parts = recorded.split(REDACTED);
  const slots = parts.length - 1;
  const values = [...new Set([...candidates.filter((value) => value !== ''), REDACTED])];
  if (values.length ** slots > MAX_TRIES) return null;
  const chosen: string[] = [];
  const search = (slot: number): string | null => {
    if (slot === slots) {
      const text = parts.map((part, index) => part + (chosen[index] ?? '')).join('');
      return hashText(text) === sha256 ? text : null;
    }
    for (const value of values) {
      chosen[slot] = value;
      const found = search(slot + 1);
      if (found !== null) return found;
    }
    return null;
  };
  return search(0);
}

/** Hex sha256 of a text's UTF-8 bytes, as cell.start records `sha256`. */
export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
