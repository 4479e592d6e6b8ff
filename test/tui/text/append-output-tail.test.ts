import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendOutput, appendOutputTail, createOutputBuffer, getVisibleLines } from '../../../src/tui/text/index.js';

describe('appendOutputTail', () => {
  it('keeps what appendOutput keeps, without sanitizing the lines it would drop', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'bc', '\n', '\t', 'x\ny', '\r\n', ' \u001b[2J '), { maxLength: 60 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 3 }), (parts, capacity, split) => {
        const text = parts.join('');
        const at = Math.min(split, text.length);
        const options = { capacity };
        const whole = appendOutput(appendOutput(createOutputBuffer(), 'stdout', text.slice(0, at), options), 'stdout', text.slice(at), options);
        const tail = appendOutputTail(appendOutputTail(createOutputBuffer(), 'stdout', text.slice(0, at), options), 'stdout', text.slice(at), options);
        expect(getVisibleLines(tail)).toEqual(getVisibleLines(whole));
        expect([tail.totalLines, tail.droppedLines, tail.bytes]).toEqual([whole.totalLines, whole.droppedLines, whole.bytes]);
      }),
    );
  });

  it('counts a flood of 100,000 lines and keeps the last ones', () => {
    const flood = Array.from({ length: 100_000 }, (_, i) => `line ${i + 1}\n`).join('');
    const buffer = appendOutputTail(appendOutput(createOutputBuffer(), 'stdout', 'start '), 'stdout', flood);
    expect(buffer.totalLines).toBe(100_000);
    expect(buffer.lines).toHaveLength(2000);
    expect(buffer.lines[0]!.text).toBe('line 98001');
    expect(buffer.lines.at(-1)!.text).toBe('line 100000');
  });
});
