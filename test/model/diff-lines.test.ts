import { describe, expect, it } from 'vitest';
import { diffLines } from '../../src/model/diff-lines.js';

describe('diffLines', () => {
  it('keeps common lines and puts removals before additions', () => {
    expect(diffLines('a\nb\nc\n', 'a\nB\nc\nd')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'B' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ]);
  });

  it('finds a longest common subsequence, not just a common prefix', () => {
    const kinds = diffLines('x\na\nb\nc', 'a\nb\nc\nx').map((line) => `${line.kind[0]}${line.text}`);
    expect(kinds).toEqual(['rx', 'sa', 'sb', 'sc', 'ax']);
  });

  it('handles empty sides and CRLF', () => {
    expect(diffLines('', 'a')).toEqual([{ kind: 'added', text: 'a' }]);
    expect(diffLines('a\r\nb', 'a\nb\n')).toEqual([{ kind: 'same', text: 'a' }, { kind: 'same', text: 'b' }]);
  });
});
