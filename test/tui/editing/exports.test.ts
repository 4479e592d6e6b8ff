import { describe, expect, it } from 'vitest';
import * as editing from '../../../src/tui/editing/index.js';

describe('the editing module', () => {
  it('exports exactly its public API', () => {
    expect(Object.keys(editing).sort()).toEqual(['createLineInput', 'createTextEditor', 'editLineInput', 'editText', 'getEditorText', 'maskLineInput']);
  });
});
