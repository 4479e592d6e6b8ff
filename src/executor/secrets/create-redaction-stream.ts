import type { SecretMatcher } from './build-secret-matcher.js';

/** Redacts output that arrives in chunks (a cell's stdout as it runs). */
export interface RedactionStream {
  /**
   * Takes the next chunk; returns the redacted text that is now decided. Holds
   * back only the end of the text that could still be the start of a secret
   * (at most the longest secret's length − 1 code units, plus one so a
   * surrogate pair is never split), until the next push or flush.
   */
  push(chunk: string): string;
  /** Returns everything held back, redacted, and starts afresh: a secret cannot span a flush. */
  flush(): string;
  /** Code units taken by push that were not returned yet. */
  readonly heldLength: number;
}

/**
 * A stream over `matcher` that replaces each run of overlapping secret
 * occurrences with one `marker`. Concatenating every push and the flush gives
 * exactly what redacting the whole text at once gives, however it was split.
 * Linear in the text: each code unit is read once by the automaton, and only
 * the held-back tail (shorter than the longest secret) is copied again.
 */
export function createRedactionStream(matcher: SecretMatcher, marker: string): RedactionStream {
  let state = 0;
  /** Absolute positions (in code units since the start): read so far, and returned so far. */
  let read = 0;
  let emitted = 0;
  /** The input from `emitted` to `read`. */
  let pending = '';
  /** Runs of overlapping occurrences [start, end) not returned in full yet, in order, disjoint. */
  const starts: number[] = [];
  const ends: number[] = [];

  const addOccurrence = (start: number, end: number): void => {
    // Occurrences arrive in order of their end, so a new one can only overlap the last runs.
    let merged = start;
    while (ends.length > 0 && (ends[ends.length - 1] ?? 0) > merged) {
      merged = Math.min(merged, starts.pop() ?? merged);
      ends.pop();
    }
    starts.push(merged);
    ends.push(end);
  };

  const emitUpTo = (boundary: number): string => {
    if (boundary <= emitted) return '';
    let out = '';
    let position = emitted;
    let done = 0;
    for (; done < starts.length; done++) {
      const start = starts[done] ?? 0;
      const end = ends[done] ?? 0;
      if (start >= boundary) break;
      // A run that started before `emitted` had its marker returned already.
      if (start >= position) out += pending.slice(position - emitted, start - emitted) + marker;
      position = Math.min(end, boundary);
      if (end > boundary) break;
    }
    starts.splice(0, done);
    ends.splice(0, done);
    out += pending.slice(position - emitted, boundary - emitted);
    pending = pending.slice(boundary - emitted);
    emitted = boundary;
    return out;
  };

  return {
    push(chunk: string): string {
      const { matchLength } = matcher;
      for (let i = 0; i < chunk.length; i++) {
        state = matcher.next(state, chunk.charCodeAt(i));
        const length = matchLength[state] ?? 0;
        if (length > 0) addOccurrence(read + i + 1 - length, read + i + 1);
      }
      read += chunk.length;
      pending += chunk;
      let boundary = read - (matcher.holdLength[state] ?? 0);
      if (boundary > emitted && isHighSurrogate(pending.charCodeAt(boundary - 1 - emitted))) boundary -= 1;
      return emitUpTo(boundary);
    },
    flush(): string {
      const out = emitUpTo(read);
      state = 0;
      return out;
    },
    get heldLength(): number {
      return read - emitted;
    },
  };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
