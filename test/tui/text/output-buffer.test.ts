import { describe, expect, it } from 'vitest';
import { appendOutput, createOutputBuffer, getVisibleLines } from '../../../src/tui/text/index.js';
import { appendAll, getTexts, isInert } from './helpers.js';

describe('appendOutput', () => {
  it('splits output into lines and keeps the unfinished one as the partial', () => {
    const buffer = appendAll(['one\ntwo\nthr', 'ee\nfour']);
    expect(getTexts(buffer)).toEqual(['one', 'two', 'three']);
    expect(buffer.partial).toEqual({ stdout: 'four', stderr: '' });
    expect(buffer.totalLines).toBe(3);
    expect(buffer.bytes).toBe('one\ntwo\nthree\nfour'.length);
  });

  it('reads \\r\\n as a newline, also split between chunks', () => {
    expect(getTexts(appendAll(['a\r\nb\r\n']))).toEqual(['a', 'b']);
    expect(getTexts(appendAll(['a\r', '\nb\r', '\n']))).toEqual(['a', 'b']);
  });

  it('keeps only what follows the last carriage return of a line', () => {
    expect(getTexts(appendAll(['10%\r20%\r30%\n']))).toEqual(['30%']);
    expect(getTexts(appendAll(['10%\r', '20%\r', '30%\r', 'done\n']))).toEqual(['done']);
  });

  it('shows the latest state of a progress line as the partial', () => {
    expect(appendAll(['10%\r20%']).partial.stdout).toBe('20%');
    // Nothing has overwritten the line yet.
    expect(appendAll(['10%\r']).partial.stdout).toBe('10%');
  });

  it('carries the style across a carriage return', () => {
    expect(getTexts(appendAll(['\u001b[31m10%\r20%\u001b[0m\n']))).toEqual(['\u001b[31m20%\u001b[0m']);
    expect(getTexts(appendAll(['\u001b[31mold\r\u001b[32mnew\n']))).toEqual(['\u001b[32mnew\u001b[0m']);
  });

  it('expands tabs to stops of 8 columns', () => {
    expect(getTexts(appendAll(['a\tb\n12345678\tc\n\td\n']))).toEqual(['a       b', '12345678        c', '        d']);
    expect(getTexts(appendAll(['漢\tx\n']))).toEqual(['漢      x']);
    expect(getTexts(appendAll(['ab', '\tc\n']))).toEqual(['ab      c']);
  });

  it('keeps the two streams apart', () => {
    let buffer = appendOutput(createOutputBuffer(), 'stdout', 'out ');
    buffer = appendOutput(buffer, 'stderr', 'err\n');
    buffer = appendOutput(buffer, 'stdout', 'done\n');
    expect(buffer.lines).toEqual([
      { stream: 'stderr', text: 'err' },
      { stream: 'stdout', text: 'out done' },
    ]);
  });

  it('returns the same buffer for an empty chunk', () => {
    const buffer = appendAll(['x']);
    expect(appendOutput(buffer, 'stdout', '')).toBe(buffer);
  });

  it('leaves the buffer passed in as it was', () => {
    const before = appendAll(['\u001b[31mred\npart', '\u001b[3']);
    const snapshot = structuredClone(before);
    appendOutput(before, 'stdout', '2mgreen\nmore\r\ttext');
    appendOutput(before, 'stderr', 'err\n');
    expect(before).toEqual(snapshot);
  });
});

describe('sanitizing', () => {
  const attacks: Array<[string, string, string]> = [
    ['clear screen', '\u001b[2J', '␛[2J'],
    ['cursor movement', '\u001b[10;10H', '␛[10;10H'],
    ['window title (OSC 0)', '\u001b]0;title\u0007', '␛]0;title␇'],
    ['hyperlink (OSC 8)', '\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\', '␛]8;;http://x␛\\link␛]8;;␛\\'],
    ['clipboard write (OSC 52)', '\u001b]52;c;Zm9v\u0007', '␛]52;c;Zm9v␇'],
    ['DCS string', '\u001bP1$r0m\u001b\\', '␛P1$r0m␛\\'],
    ['bell', '\u0007', '␇'],
    ['lone escape', '\u001b', '␛'],
    ['C1 CSI', '\u009b2J', '⟨U+009B⟩2J'],
    ['bidi override', 'a\u202eb', 'a⟨U+202E⟩b'],
    ['backspace', 'ab\bc', 'ab␈c'],
    ['erase in line', '\u001b[2K', '␛[2K'],
    ['SGR with a colon (not kept)', '\u001b[38:2:1:2:3m', '␛[38:2:1:2:3m'],
  ];

  it.each(attacks)('shows %s inert', (_name, input, shown) => {
    const buffer = appendAll([`${input}\n`, input]);
    expect(getTexts(buffer)).toEqual([shown]);
    expect(isInert(buffer.lines[0]!.text)).toBe(true);
    // The last escape of the partial may wait for more output; what shows is inert.
    expect(isInert(buffer.partial.stdout)).toBe(true);
  });

  it('keeps SGR colours and styles', () => {
    expect(getTexts(appendAll(['\u001b[1;31mbold red\u001b[0m plain\n']))).toEqual(['\u001b[1;31mbold red\u001b[0m plain']);
  });

  it('waits for the rest of an escape sequence split between chunks', () => {
    expect(getTexts(appendAll(['\u001b[3', '1mred\u001b[0m\n']))).toEqual(['\u001b[31mred\u001b[0m']);
    expect(getTexts(appendAll(['\u001b', '[2J\n']))).toEqual(['␛[2J']);
    expect(getTexts(appendAll(['\u001b]0;ti', 'tle\u0007\n']))).toEqual(['␛]0;title␇']);
  });

  it('does not show an unfinished escape sequence in the partial', () => {
    expect(appendAll(['text\u001b[3']).partial.stdout).toBe('text');
    expect(appendAll(['text\u001b[3']).streams.stdout.pending).toBe('\u001b[3');
  });

  it('ends a string sequence (OSC, DCS) at the end of the line', () => {
    expect(getTexts(appendAll(['\u001b]0;title\nnext\n']))).toEqual(['␛]0;title', 'next']);
  });

  it('shows an escape sequence longer than 256 characters inert, and the rest as text', () => {
    const long = `\u001b]0;${'a'.repeat(300)}\u0007`;
    for (const chunks of [[long, '\n'], [long.slice(0, 100), long.slice(100, 280), long.slice(280), '\n']]) {
      const buffer = appendAll(chunks);
      expect(getTexts(buffer)).toEqual([`␛]0;${'a'.repeat(300)}␇`]);
      expect(buffer.streams.stdout.pending).toBe('');
    }
    // An SGR sequence too long to be real is not kept either.
    const sgr = `\u001b[${'1;'.repeat(200)}m`;
    expect(getTexts(appendAll([sgr, 'x\n']))).toEqual([`␛[${'1;'.repeat(200)}mx`]);
  });

  it('keeps a surrogate pair split between chunks whole', () => {
    const buffer = appendAll(['a\ud83d', '\ude00b\n']);
    expect(getTexts(buffer)).toEqual(['a😀b']);
    expect(appendAll(['a\ud83d']).partial.stdout).toBe('a');
  });
});

describe('colours across lines', () => {
  it('starts each line in the style carried over and ends it in the default style', () => {
    expect(getTexts(appendAll(['\u001b[1;31mA\nB\u001b[0m\nC\n']))).toEqual([
      '\u001b[1;31mA\u001b[0m',
      '\u001b[1;31mB\u001b[0m',
      'C',
    ]);
  });

  it('carries colours split across chunks', () => {
    expect(getTexts(appendAll(['\u001b[32mgo', 'od\nstill green\n\u001b[', '0mplain\n']))).toEqual([
      '\u001b[32mgood\u001b[0m',
      '\u001b[32mstill green\u001b[0m',
      '\u001b[32m\u001b[0mplain',
    ]);
  });

  it('carries styles the reports do not model, such as inverse', () => {
    expect(getTexts(appendAll(['\u001b[7mA\nB\n\u001b[27mC\n']))).toEqual(['\u001b[7mA\u001b[0m', '\u001b[7mB\u001b[0m', '\u001b[7m\u001b[27mC\u001b[0m']);
  });

  it('adds no reset when the line turned its colour off itself', () => {
    expect(getTexts(appendAll(['\u001b[31mred\u001b[39m plain\nnext\n']))).toEqual(['\u001b[31mred\u001b[39m plain', 'next']);
  });

  it('keeps what follows a reset in the same sequence', () => {
    expect(getTexts(appendAll(['\u001b[0;33mA\nB\n']))).toEqual(['\u001b[0;33mA\u001b[0m', '\u001b[33mB\u001b[0m']);
  });

  it('keeps the colours of stdout and stderr apart', () => {
    let buffer = appendOutput(createOutputBuffer(), 'stdout', '\u001b[31mred\n');
    buffer = appendOutput(buffer, 'stderr', 'plain\n');
    buffer = appendOutput(buffer, 'stdout', 'red\n');
    expect(getTexts(buffer)).toEqual(['\u001b[31mred\u001b[0m', 'plain', '\u001b[31mred\u001b[0m']);
  });

  it('re-establishes a carried style in one short sequence', () => {
    const buffer = appendAll([`${'\u001b[1m\u001b[31m'.repeat(500)}x\n\u001b[4m\u001b[38;5;208m\u001b[48;2;1;2;3my\nz\n`]);
    expect(buffer.lines[1]!.text).toBe('\u001b[1;31m\u001b[4m\u001b[38;5;208m\u001b[48;2;1;2;3my\u001b[0m');
    expect(buffer.lines[2]!.text).toBe('\u001b[1;4;38;2;255;135;0;48;2;1;2;3mz\u001b[0m');
  });

  it('keeps a carried style it does not model bounded', () => {
    const buffer = appendAll([`${'\u001b[7m\u001b[31m'.repeat(500)}x\ny\n`]);
    expect(buffer.lines[1]!.text.length).toBeLessThan(300);
    expect(buffer.lines[1]!.text.endsWith('y\u001b[0m')).toBe(true);
  });

  it('never rebuilds a sequence from parsed numbers', () => {
    const huge = '9'.repeat(200);
    const buffer = appendAll([`\u001b[0;${huge}mx\ny\n`]);
    expect(buffer.lines[1]!.text).toBe(`\u001b[${huge}my\u001b[0m`);
    expect(buffer.lines[1]!.text).not.toContain('e+');
  });
});

describe('limits', () => {
  it('keeps the last `capacity` lines and counts the dropped ones', () => {
    const input = Array.from({ length: 10 }, (_, index) => `line ${index}\n`).join('');
    const buffer = appendAll([input], { capacity: 3 });
    expect(getTexts(buffer)).toEqual(['line 7', 'line 8', 'line 9']);
    expect(buffer.totalLines).toBe(10);
    expect(buffer.droppedLines).toBe(7);
  });

  it('drops lines one chunk at a time too', () => {
    const chunks = Array.from({ length: 10 }, (_, index) => `line ${index}\n`);
    const buffer = appendAll(chunks, { capacity: 4 });
    expect(getTexts(buffer)).toEqual(['line 6', 'line 7', 'line 8', 'line 9']);
    expect(buffer.droppedLines).toBe(6);
  });

  it('keeps no lines with a capacity of 0', () => {
    const buffer = appendAll(['a\nb\n'], { capacity: 0 });
    expect(buffer.lines).toEqual([]);
    expect(buffer.droppedLines).toBe(2);
  });

  it('cuts a long line and says how much was cut', () => {
    expect(getTexts(appendAll(['abcdefghijklmnop\n'], { maxLineLength: 10 }))).toEqual(['abcdefghij … (+6 chars)']);
    expect(getTexts(appendAll(['\u001b[31mabcdefghijklmnop\n'], { maxLineLength: 10 }))).toEqual(['\u001b[31mabcdefghij … (+6 chars)\u001b[0m']);
  });

  it('counts characters, not UTF-16 units, and never cuts a surrogate pair', () => {
    expect(getTexts(appendAll(['abc😀😀\n'], { maxLineLength: 4 }))).toEqual(['abc … (+2 chars)']);
  });

  it('keeps a line with no newline bounded, however long', () => {
    let buffer = createOutputBuffer();
    const chunk = 'x'.repeat(65_536);
    for (let i = 0; i < 160; i++) buffer = appendOutput(buffer, 'stdout', chunk);
    expect(buffer.partial.stdout).toBe(`${'x'.repeat(1000)} … (+${160 * 65_536 - 1000} chars)`);
    buffer = appendOutput(buffer, 'stdout', '\nnext\n');
    expect(getTexts(buffer)).toEqual([`${'x'.repeat(1000)} … (+${160 * 65_536 - 1000} chars)`, 'next']);
  });

  it('keeps a line of nothing but colour changes bounded', () => {
    const buffer = appendAll(['\u001b[31m\u001b[32m'.repeat(100_000)], { maxLineLength: 100 });
    const line = buffer.streams.stdout.line;
    expect(line.body.length).toBeLessThanOrEqual(100 * 4 + 256);
    expect(buffer.partial.stdout).toBe('');
    expect(getTexts(appendOutput(buffer, 'stdout', 'x\n', { maxLineLength: 100 }))[0]!.endsWith('x\u001b[0m')).toBe(true);
  });

  it('starts the line over after a carriage return, count of cut characters included', () => {
    expect(getTexts(appendAll(['abcdefghijklmnop\rshort\n'], { maxLineLength: 10 }))).toEqual(['short']);
  });
});

describe('getVisibleLines', () => {
  it('returns the complete lines, then the unfinished ones of stdout and stderr', () => {
    let buffer = appendOutput(createOutputBuffer(), 'stdout', 'one\ntw');
    buffer = appendOutput(buffer, 'stderr', 'err');
    expect(getVisibleLines(buffer)).toEqual([
      { stream: 'stdout', text: 'one' },
      { stream: 'stdout', text: 'tw' },
      { stream: 'stderr', text: 'err' },
    ]);
  });

  it('leaves out an unfinished line that shows nothing', () => {
    expect(getVisibleLines(appendAll(['one\n\u001b[31m']))).toEqual([{ stream: 'stdout', text: 'one' }]);
  });
});
