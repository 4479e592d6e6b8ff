import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from '../../../src/executor/secrets/index.js';

const CHUNK = 64 * 1024;
const TOTAL = 100 * 1024 * 1024;

describe('the redaction stream on large output', () => {
  it('redacts 100 MB in 64 KB chunks with 20 secrets, including secrets cut by chunk ends', () => {
    // Secrets share a long prefix (the automaton's failure links get exercised); filler is lowercase, secrets are not.
    const secrets = Array.from({ length: 20 }, (_, i) => `TOKEN-${String(i).padStart(2, '0')}-${'X'.repeat(i)}`);
    const redactor = createRedactor(secrets);
    const stream = redactor.createStream();
    const filler = 'lorem ipsum dolor sit amet '.repeat(Math.ceil(CHUNK / 27)).slice(0, CHUNK);
    let inputLength = 0;
    let outputLength = 0;
    let markers = 0;
    let planted = 0;
    let plantedLength = 0;
    let carry = '';
    const take = (output: string): void => {
      outputLength += output.length;
      markers += output.split(REDACTED).length - 1;
      expect(output.replaceAll(REDACTED, '')).toMatch(/^[a-z ]*$/);
    };
    for (let n = 0; inputLength < TOTAL; n++) {
      const middle = secrets[n % 20] as string;
      const cut = secrets[(n * 7) % 20] as string;
      const half = 1 + (n % (cut.length - 1));
      const tail = cut.slice(0, half);
      const body = filler.slice(0, CHUNK - carry.length - middle.length - tail.length);
      const chunk = carry + body.slice(0, body.length >> 1) + middle + body.slice(body.length >> 1) + tail;
      carry = cut.slice(half);
      planted += 2;
      plantedLength += middle.length + cut.length;
      inputLength += chunk.length;
      take(stream.push(chunk));
    }
    inputLength += carry.length;
    take(stream.push(carry));
    take(stream.flush());
    expect(inputLength).toBeGreaterThanOrEqual(TOTAL);
    expect(markers).toBe(planted);
    expect(outputLength).toBe(inputLength - plantedLength + planted * REDACTED.length);
  }, 120_000);
});
