import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getTextWidth, renderProse } from '../../../src/tui/text/index.js';
import { toPlain } from './helpers.js';

/** Markdown syntax and text that stress wrapping: nesting, wide characters, long words, control characters. */
const piece = fc.constantFrom(
  '# ', '## ', '- ', '* ', '1. ', '10. ', '- [ ] ', '- [x] ', '> ', '```\n', '~~~', '    ', '---\n', '| a | b |\n|---|---|\n| c | d |\n',
  '*', '**', '_', '`', '[', '](', ')', '<', '>', '<div>', '![', '[^1]', '\n', '\n\n', '  \n', '\\\n', ' ', '\t', 'word', 'another',
  '漢字', 'かな', '😀', 'e\u0301', 'https://example.com/a/very/long/path/that/does/not/fit', 'x'.repeat(30), '\u001b[2J', '\u0007', '\u202e', '\r',
);
const markdown = fc.oneof(
  fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
);

describe('renderProse properties', () => {
  it('never throws', () => {
    fc.assert(
      fc.property(markdown, fc.integer({ min: -5, max: 200 }), (text, width) => {
        renderProse(text, width);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps every line within the width', () => {
    fc.assert(
      fc.property(markdown, fc.integer({ min: 10, max: 120 }), (text, width) => {
        for (const line of toPlain(renderProse(text, width))) expect(getTextWidth(line)).toBeLessThanOrEqual(width);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves no control character active and no blank line at the end', () => {
    fc.assert(
      fc.property(markdown, fc.integer({ min: 10, max: 120 }), (text, width) => {
        const lines = renderProse(text, width);
        for (const line of toPlain(lines)) expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
        if (lines.length > 0) expect(toPlain(lines).at(-1)!.trim()).not.toBe('');
      }),
      { numRuns: 1000 },
    );
  });
});
