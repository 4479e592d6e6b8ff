import { describe, expect, it } from 'vitest';
import * as shell from '../../../src/executor/shell/index.js';

describe('the shell executor module', () => {
  it('exports exactly its public API', () => {
    expect(Object.keys(shell).sort()).toEqual(['createShellSession']);
  });
});
