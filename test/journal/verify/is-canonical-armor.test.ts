import { describe, expect, it } from 'vitest';
import { createSigner, verifySshSignature } from '../../../src/journal/index.js';
import { isCanonicalArmor } from '../../../src/journal/verify/is-canonical-armor.js';

describe('isCanonicalArmor with verifySshSignature', () => {
  it('accepts a signature as written, and no change of any single byte of it (exhaustive)', async () => {
    const signer = await createSigner({ env: { HOME: '/nonexistent', XDG_CONFIG_HOME: '/nonexistent' } });
    const data = Buffer.from('0123456789abcdef  events.jsonl\n');
    const armored = await signer.sign(data);
    expect(isCanonicalArmor(armored)).toBe(true);
    const bytes = Buffer.from(armored, 'utf8');
    const accepted: string[] = [];
    for (let offset = 0; offset < bytes.length; offset++) {
      for (let xor = 1; xor < 256; xor++) {
        const changed = Buffer.from(bytes);
        changed[offset] = changed[offset]! ^ xor;
        const text = changed.toString('utf8');
        if (isCanonicalArmor(text) && verifySshSignature(data, text, { namespace: 'litops' }).ok) accepted.push(`${offset}^${xor}`);
      }
    }
    expect(accepted).toEqual([]);
  }, 120_000);

  it('rejects stray padding bits, which lenient base64 decoders ignore', async () => {
    const signer = await createSigner({ env: { HOME: '/nonexistent', XDG_CONFIG_HOME: '/nonexistent' } });
    const data = Buffer.from('x');
    const armored = await signer.sign(data);
    // The last base64 character before "=" carries unused low bits.
    const padded = armored.replace(/([A-Za-z0-9+/])(=+\n-----END)/, (_, last: string, rest: string) => `${String.fromCharCode(last.charCodeAt(0) ^ 1)}${rest}`);
    expect(padded).not.toBe(armored);
    expect(isCanonicalArmor(padded)).toBe(false);
  });
});
