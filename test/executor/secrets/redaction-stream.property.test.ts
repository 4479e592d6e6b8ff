import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from '../../../src/executor/secrets/index.js';
import { naiveHoldLength, naiveRedact } from './naive-redact.js';

/** A small alphabet, so secrets overlap and recur often, with regular-expression characters. No `[`, so markers are unambiguous. */
const unit = fc.constantFrom('a', 'b', 'a', 'b', 'c', '.', '*', '$', '(', ')', '|', '\\', '?', '+', '^', ']', '{', '}', '/', '\n', 'é');
const base = fc.string({ unit, minLength: 1, maxLength: 7 });

/** Secrets, some derived from others: prefixes, suffixes, extensions and overlaps. */
const secrets = fc
  .tuple(fc.array(base, { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('prefix', 'suffix', 'extend', 'overlap')), { maxLength: 4 }), base)
  .map(([bases, derivations, extra]) => {
    const all = [...bases];
    for (const [pick, cut, kind] of derivations) {
      const from = all[pick % all.length] as string;
      const at = 1 + (cut % Math.max(1, from.length - 1));
      if (kind === 'prefix') all.push(from.slice(0, at));
      if (kind === 'suffix') all.push(from.slice(at));
      if (kind === 'extend') all.push(from + extra);
      if (kind === 'overlap') all.push(from.slice(at) + extra);
    }
    return all.filter((secret) => secret !== '');
  });

/** A text of filler and planted secrets, with the places to cut it into chunks. */
const scenario = secrets.chain((list) =>
  fc
    .record({
      pieces: fc.array(fc.oneof(fc.string({ unit, maxLength: 6 }), fc.nat({ max: list.length - 1 }).map((index) => list[index] as string)), { maxLength: 14 }),
      cuts: fc.array(fc.nat(), { maxLength: 12 }),
      oneCharChunks: fc.boolean(),
    })
    .map(({ pieces, cuts, oneCharChunks }) => {
      const text = pieces.join('');
      const points = oneCharChunks ? [...text].map((_, index) => index) : cuts.map((cut) => cut % (text.length + 1));
      const sorted = [...new Set([0, ...points, text.length])].sort((a, b) => a - b);
      const chunks = sorted.slice(1).map((end, index) => text.slice(sorted[index], end));
      return { secrets: list, text, chunks };
    }),
);

describe('the redaction stream (properties)', () => {
  it('gives the same text as redacting at once, and as the oracle, however the text is cut', () => {
    fc.assert(
      fc.property(scenario, ({ secrets, text, chunks }) => {
        const redactor = createRedactor(secrets);
        const whole = redactor.redact(text);
        expect(whole).toBe(naiveRedact(text, secrets));
        const stream = redactor.createStream();
        const streamed = chunks.map((chunk) => stream.push(chunk)).join('') + stream.flush();
        expect(streamed).toBe(whole);
      }),
      { numRuns: 2000 },
    );
  });

  it('holds back exactly the longest end of the text that could start a secret, no more', () => {
    fc.assert(
      fc.property(scenario, ({ secrets, chunks }) => {
        const stream = createRedactor(secrets).createStream();
        let seen = '';
        for (const chunk of chunks) {
          stream.push(chunk);
          seen += chunk;
          expect(stream.heldLength).toBe(naiveHoldLength(seen, secrets));
          expect(stream.heldLength).toBeLessThan(Math.max(...secrets.map((secret) => secret.length)));
        }
        stream.flush();
        expect(stream.heldLength).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves no secret between markers', () => {
    fc.assert(
      fc.property(scenario, ({ secrets, text }) => {
        const segments = createRedactor(secrets).redact(text).split(REDACTED);
        for (const segment of segments) for (const secret of secrets) expect(segment).not.toContain(secret);
      }),
      { numRuns: 1000 },
    );
  });

  it('never splits a surrogate pair between pushes of whole characters', () => {
    const emoji = fc.constantFrom('😀', '😁', 'a', '𝄞');
    fc.assert(
      fc.property(fc.array(fc.string({ unit: emoji, minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), fc.array(fc.string({ unit: emoji, maxLength: 4 }), { maxLength: 8 }), (list, chunks) => {
        const stream = createRedactor(list).createStream();
        const outputs = [...chunks.map((chunk) => stream.push(chunk)), stream.flush()];
        for (const output of outputs) expect(output).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
        expect(outputs.join('')).toBe(naiveRedact(chunks.join(''), list));
      }),
      { numRuns: 500 },
    );
  });
});
