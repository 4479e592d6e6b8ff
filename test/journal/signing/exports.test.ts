import { describe, expect, it } from 'vitest';
import * as signing from '../../../src/journal/signing/index.js';

describe('the journal signing module', () => {
  it('exports exactly its public API', () => {
    expect(Object.keys(signing).sort()).toEqual([
      'createSigner',
      'formatAllowedSignersLine',
      'generateKeyPair',
      'getDefaultKeyPath',
      'getFingerprint',
      'isAllowedSigner',
      'parseAllowedSigners',
      'verifySshSignature',
      'writeKeyPair',
    ]);
  });
});
