import { describe, expect, it } from 'vitest';
import * as text from '../../../src/tui/text/index.js';

describe('the tui/text module', () => {
  it('exports exactly its public API', () => {
    expect(Object.keys(text).sort()).toEqual(['appendOutput', 'appendOutputTail', 'createOutputBuffer', 'cutToWidth', 'getTextWidth', 'getVisibleLines', 'renderProse']);
  });
});
