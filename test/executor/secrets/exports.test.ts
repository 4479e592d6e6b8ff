import { describe, expect, it } from 'vitest';
import * as secrets from '../../../src/executor/secrets/index.js';

describe('the executor secrets module', () => {
  it('exports exactly its public API', () => {
    expect(Object.keys(secrets).sort()).toEqual([
      'IMPLICIT_SECRET_ENV',
      'MIN_SECRET_LINE_LENGTH',
      'REDACTED',
      'collectSecrets',
      'createRedactor',
      'redactUrl',
      'redactValue',
    ]);
  });
});
