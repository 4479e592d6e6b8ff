import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeTerminal } from '../../../src/model/terminal/tokenize-terminal.js';
import { splitPendingTail, tokenizeOutputLine } from '../../../src/tui/text/tokenize-output-line.js';

const fragment = fc.constantFrom('a', ' b ', '\t', '\r', '\u001b', '\u001b[', '\u001b[31m', '\u001b[m', '\u001b[1;2;3m', '\u001b[2J', '\u001b]0;t\u0007', '\u001b\\', '[', 'm', '1', ';', '\u009b', '\u202e', '😀');
const line = fc.array(fc.oneof(fragment, fc.string({ maxLength: 4 })), { maxLength: 30 }).map((parts) => parts.join('').replace(/\n/g, ''));

describe('tokenizeOutputLine', () => {
  it('reads a line as the terminal tokenizer does', () => {
    fc.assert(
      fc.property(line, (text) => {
        const expected = tokenizeTerminal(text).map((token) => (token.kind === 'text' ? token : { kind: token.kind, raw: token.raw }));
        expect(tokenizeOutputLine(text)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('shows an escape sequence over 256 characters inert up to there, then reads the rest as text', () => {
    const tokens = tokenizeOutputLine(`\u001b]0;${'x'.repeat(300)}\u0007`);
    expect(tokens[0]).toEqual({ kind: 'control', raw: `\u001b]0;${'x'.repeat(252)}` });
    expect(tokens.slice(1)).toEqual([
      { kind: 'text', text: 'x'.repeat(48) },
      { kind: 'control', raw: '\u0007' },
    ]);
  });
});

describe('splitPendingTail', () => {
  it.each(['\u001b', '\u001b[', '\u001b[31', '\u001b[1;', '\u001b]0;title', '\u001bP1$r'])('keeps %j for the next chunk', (tail) => {
    expect(splitPendingTail(tokenizeOutputLine(`text${tail}`))).toEqual({ tokens: [{ kind: 'text', text: 'text' }], pending: tail });
  });

  it.each(['\u001b[31m', '\u001b[2J', '\u001b]0;title\u0007', '\u001b]0;t\u001b\\', '\u001b(B'])('handles the complete %j now', (tail) => {
    expect(splitPendingTail(tokenizeOutputLine(`text${tail}`)).pending).toBe('');
  });

  it('keeps half a surrogate pair for the next chunk', () => {
    expect(splitPendingTail(tokenizeOutputLine('a\ud83d'))).toEqual({ tokens: [{ kind: 'text', text: 'a' }], pending: '\ud83d' });
  });
});
