import { describe, expect, it } from 'vitest';
import { cutToWidth, getTextWidth } from '../../../src/tui/text/index.js';

describe('getTextWidth', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['漢字', 4],
    ['ｶﾀｶﾅ', 4],
    ['ＡＢ', 4],
    ['한국', 4],
    ['😀', 2],
    ['👨‍👩‍👧', 2],
    ['❤️', 2],
    ['e\u0301', 1],
    ['a\u200bb', 2],
    ['␛[2J', 4],
    ['•│─', 3],
  ])('gives %j %i columns', (text, width) => {
    expect(getTextWidth(text)).toBe(width);
  });
});

describe('cutToWidth', () => {
  it('cuts between grapheme clusters', () => {
    expect(cutToWidth('abcdef', 3)).toBe('abc');
    expect(cutToWidth('漢字漢', 3)).toBe('漢');
    expect(cutToWidth('a😀b', 2)).toBe('a');
    expect(cutToWidth('e\u0301e\u0301', 1)).toBe('e\u0301');
    expect(cutToWidth('abc', 0)).toBe('');
  });
});
