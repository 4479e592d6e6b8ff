import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendOutput, createOutputBuffer, getVisibleLines, type OutputBuffer } from '../../../src/tui/text/index.js';
import { applySgrCarry, EMPTY_SGR_CARRY } from '../../../src/tui/text/sgr-carry.js';
import { appendAll, isInert, SGR } from './helpers.js';

/** Pieces of terminal output that interact: escapes of every kind, line ends, tabs, wide and astral characters. */
const fragment = fc.constantFrom(
  'a', 'b c', 'word ', '\n', '\r', '\r\n', '\t', '漢', '😀', 'e\u0301', '\u202e', '\u009b', '\u0007', '\b',
  '\u001b', '\u001b[', '\u001b[3', '1m', '\u001b[31m', '\u001b[0m', '\u001b[m', '\u001b[1;4m', '\u001b[7m', '\u001b[27m',
  '\u001b[38;5;208m', '\u001b[2J', '\u001b[10;10H', '\u001b[2K', '\u001b]0;title\u0007', '\u001b]8;;http://x\u001b\\',
  '\u001b]52;c;Zm9v\u0007', '\u001bP1$r\u001b\\', '\u001b\\', ']', 'm', ';', '\u001b(B',
  'x'.repeat(50), `\u001b]2;${'y😀'.repeat(100)}`, `\u001b[${'1;'.repeat(130)}`,
);
const output = fc.array(fc.oneof(fragment, fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 40 }).map((parts) => parts.join(''));
const options = { capacity: 50, maxLineLength: 40 };

function splitAt(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...points].map((start, index) => text.slice(start, points[index] ?? text.length));
}

function getShown(buffer: OutputBuffer): unknown {
  return { lines: buffer.lines, partial: buffer.partial, totalLines: buffer.totalLines, droppedLines: buffer.droppedLines, bytes: buffer.bytes };
}

describe('appendOutput properties', () => {
  it('gives the same lines however the output is split into chunks', () => {
    fc.assert(
      fc.property(output, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const whole = appendAll([text], options);
        const split = appendAll(splitAt(text, cuts), options);
        // The partial may differ while an escape is pending; once the line is complete it may not.
        expect(getShown(appendOutput(split, 'stdout', '\n', options))).toEqual(getShown(appendOutput(whole, 'stdout', '\n', options)));
        expect(split.lines).toEqual(whole.lines);
        expect(split.streams.stdout.pending).toBe(whole.streams.stdout.pending);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same lines when the output is cut at every position', () => {
    const text = '\u001b[1;31mred\ttab\r\nover\rwritten \u001b]0;t\u0007 \u001b[2J\u001b[0m plain 漢😀\n\u001b[7minv\u001b]8;;u\u001b\\x\u001b[m\n';
    const whole = appendAll([text, '\n']);
    for (let at = 0; at <= text.length; at++) {
      expect(getShown(appendAll([text.slice(0, at), text.slice(at), '\n']))).toEqual(getShown(whole));
    }
    const oneByOne = appendAll([...text.split(''), '\n']);
    expect(getShown(oneByOne)).toEqual(getShown(whole));
  });

  it('never lets anything but SGR colours through', () => {
    fc.assert(
      fc.property(fc.array(output, { maxLength: 5 }), (chunks) => {
        const buffer = appendAll(chunks, options);
        for (const line of getVisibleLines(buffer)) expect(isInert(line.text)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('ends every line in the default style', () => {
    fc.assert(
      fc.property(output, (text) => {
        for (const line of appendAll([text, '\n'], options).lines) {
          let carry = EMPTY_SGR_CARRY;
          for (const [raw] of line.text.matchAll(SGR)) carry = applySgrCarry(carry, raw);
          expect(carry.sequence).toBe('');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('stays within its limits', () => {
    fc.assert(
      fc.property(fc.array(output, { maxLength: 5 }), (chunks) => {
        const buffer = appendAll(chunks, { capacity: 3, maxLineLength: 10 });
        expect(buffer.lines.length).toBeLessThanOrEqual(3);
        expect(buffer.droppedLines).toBe(buffer.totalLines - buffer.lines.length);
        for (const line of getVisibleLines(buffer)) expect(line.text.replace(SGR, '').replace(/ … \(\+\d+ chars\)$/, '').length).toBeLessThanOrEqual(10);
      }),
      { numRuns: 500 },
    );
  });
});

describe('appendOutput under a flood', () => {
  it('reads 100,000 lines in 64 KiB chunks, keeping only the last 2000', () => {
    const lines = Array.from({ length: 100_000 }, (_, index) => `\u001b[32m${index}\u001b[0m line of output with\ttab ${'x'.repeat(index % 50)}\n`).join('');
    const chunks: string[] = [];
    for (let at = 0; at < lines.length; at += 65_536) chunks.push(lines.slice(at, at + 65_536));
    let buffer = createOutputBuffer();
    for (const chunk of chunks) buffer = appendOutput(buffer, 'stdout', chunk);
    expect(buffer.totalLines).toBe(100_000);
    expect(buffer.lines.length).toBe(2000);
    expect(buffer.droppedLines).toBe(98_000);
    expect(buffer.lines.at(-1)!.text).toBe(`\u001b[32m99999\u001b[0m line of output with       tab ${'x'.repeat(99_999 % 50)}`);
  });

  it('reads 100,000 one-line chunks from two streams (speed is measured in bench/)', () => {
    let buffer = createOutputBuffer();
    for (let index = 0; index < 100_000; index++) buffer = appendOutput(buffer, index % 3 === 0 ? 'stderr' : 'stdout', `line ${index}\n`);
    expect(buffer.lines.length).toBe(2000);
    expect(buffer.totalLines).toBe(100_000);
  });

  it('keeps only `capacity` lines of one huge chunk', () => {
    const buffer = appendAll(['x\n'.repeat(1_000_000)], { capacity: 10 });
    expect(buffer.lines.length).toBe(10);
    expect(buffer.totalLines).toBe(1_000_000);
  });
});
