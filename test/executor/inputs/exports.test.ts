import { describe, expect, it } from 'vitest';
import * as inputs from '../../../src/executor/inputs/index.js';

describe('the executor inputs module', () => {
  it('exports exactly its public API', () => {
    expect(Object.keys(inputs).sort()).toEqual(['formatMissingInputs', 'listCellReads', 'parseEnvFile', 'parseSetOptions', 'readEnvFile', 'resolveInputs', 'scopeInputs']);
  });
});
