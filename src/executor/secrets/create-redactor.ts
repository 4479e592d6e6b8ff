import { buildSecretMatcher } from './build-secret-matcher.js';
import { createRedactionStream, type RedactionStream } from './create-redaction-stream.js';

/** What a secret is replaced with. */
export const REDACTED = '[REDACTED]';

/** Replaces secrets in text, at once or as a stream. */
export interface Redactor {
  /** The secrets, distinct and non-empty, longest first. */
  readonly secrets: readonly string[];
  /**
   * Replaces every occurrence of every secret with `[REDACTED]`. Occurrences
   * that overlap (`abc` and `bcd` in `abcd`) become one `[REDACTED]`, so no part
   * of any secret shows; occurrences that only touch (`s` `s` in `ss`) give one each.
   */
  redact(text: string): string;
  /** A stream for text that arrives in chunks; see RedactionStream. */
  createStream(): RedactionStream;
}

const PASS_THROUGH: RedactionStream = { push: (chunk) => chunk, flush: () => '', heldLength: 0 };

/**
 * A redactor for `secrets`, matched literally and case-sensitively (they are
 * never turned into regular expressions). Empty strings are ignored; every
 * other secret counts, even one character long: it then hides that character
 * everywhere, which is ugly but safe. Not idempotent when a secret occurs in
 * the text `[REDACTED]` itself (`E`, `RED`): redact each text once.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const distinct = [...new Set(secrets.filter((secret) => secret !== ''))].sort((a, b) => b.length - a.length);
  const matcher = buildSecretMatcher(distinct);
  // Without secrets there is nothing to hold back or scan: output passes as it came.
  const createStream = (): RedactionStream => (distinct.length === 0 ? PASS_THROUGH : createRedactionStream(matcher, REDACTED));
  return {
    secrets: distinct,
    redact(text: string): string {
      if (distinct.length === 0) return text;
      const stream = createStream();
      return stream.push(text) + stream.flush();
    },
    createStream,
  };
}
