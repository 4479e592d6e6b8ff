import { describe, expect, it } from 'vitest';
import { renderProse } from '../../../src/tui/text/index.js';
import { toPlain } from './helpers.js';

describe('renderProse', () => {
  it('renders headings bold and flagged, with a blank line between blocks', () => {
    expect(renderProse('# Restore the *replica*\n\nFirst paragraph.', 40)).toEqual([
      [
        { text: 'Restore the ', bold: true, heading: true },
        { text: 'replica', bold: true, heading: true, italic: true },
      ],
      [],
      [{ text: 'First paragraph.' }],
    ]);
  });

  it('word-wraps paragraphs to the width', () => {
    expect(toPlain(renderProse('The quick brown fox jumps over the lazy dog.', 16))).toEqual(['The quick brown', 'fox jumps over', 'the lazy dog.']);
  });

  it('breaks a word wider than the line', () => {
    expect(toPlain(renderProse('see abcdefghijklmnopqrstuvwxyz', 10))).toEqual(['see', 'abcdefghij', 'klmnopqrst', 'uvwxyz']);
  });

  it('counts East Asian wide characters as two columns', () => {
    expect(toPlain(renderProse('漢字漢字漢字 かなかな', 10))).toEqual(['漢字漢字漢', '字', 'かなかな']);
  });

  it('styles emphasis, strong and inline code', () => {
    expect(renderProse('a *b* **c** ***d*** `e f`', 40)).toEqual([
      [
        { text: 'a ' },
        { text: 'b', italic: true },
        { text: ' ' },
        { text: 'c', bold: true },
        { text: ' ' },
        { text: 'd', bold: true, italic: true },
        { text: ' ' },
        { text: 'e f', code: true },
      ],
    ]);
  });

  it('shows a link as its text, then its address dimmed when the text does not say it', () => {
    expect(renderProse('[the docs](https://example.com/docs)', 60)).toEqual([
      [
        { text: 'the docs', link: true },
        { text: ' (https://example.com/docs)', dim: true },
      ],
    ]);
    expect(renderProse('<https://example.com> www.example.com mail@example.com', 60)).toEqual([
      [
        { text: 'https://example.com', link: true },
        { text: ' ' },
        { text: 'www.example.com', link: true },
        { text: ' ' },
        { text: 'mail@example.com', link: true },
      ],
    ]);
    expect(toPlain(renderProse('[safe](javascript:alert)', 60))).toEqual(['safe (javascript:alert)']);
  });

  it('renders bullet lists with indented continuation lines', () => {
    expect(toPlain(renderProse('- first item that wraps\n- second\n  - nested', 16))).toEqual(['• first item', '  that wraps', '• second', '  • nested']);
  });

  it('numbers ordered lists from their start, the numbers aligned', () => {
    expect(toPlain(renderProse('9. nine\n10. ten that wraps', 14))).toEqual([' 9. nine', '10. ten that', '    wraps']);
    expect(toPlain(renderProse('3. c\n4. d', 14))).toEqual(['3. c', '4. d']);
  });

  it('marks task list items', () => {
    expect(toPlain(renderProse('- [x] done\n- [ ] to do', 20))).toEqual(['• [x] done', '• [ ] to do']);
  });

  it('puts blank lines between the items of a loose list', () => {
    expect(toPlain(renderProse('- a\n\n  more a\n- b', 20))).toEqual(['• a', '', '  more a', '', '• b']);
  });

  it('prefixes block quotes, blank lines included', () => {
    expect(renderProse('> quoted text\n>\n> second', 40)).toEqual([
      [{ text: '│ ', dim: true }, { text: 'quoted text' }],
      [{ text: '│', dim: true }],
      [{ text: '│ ', dim: true }, { text: 'second' }],
    ]);
  });

  it('indents code blocks and cuts rather than wraps them', () => {
    expect(renderProse('```sh\nsystemctl restart postgresql\n\tindented\n```', 20)).toEqual([
      [{ text: '  ' }, { text: 'systemctl restart…', code: true }],
      [{ text: '  ' }, { text: '    indented', code: true }],
    ]);
  });

  it('keeps blank lines inside code blocks', () => {
    expect(toPlain(renderProse('```\na\n\nb\n```', 20))).toEqual(['  a', '', '  b']);
  });

  it('renders thematic breaks across the width', () => {
    expect(renderProse('a\n\n---\n\nb', 5)).toEqual([[{ text: 'a' }], [], [{ text: '─────', dim: true }], [], [{ text: 'b' }]]);
  });

  it('renders tables in aligned columns, the header bold', () => {
    const lines = renderProse('| name | state |\n|---|---|\n| db1 | ok |\n| replica-2 | lagging |', 40);
    expect(toPlain(lines)).toEqual(['name      │ state', '──────────┼────────', 'db1       │ ok', 'replica-2 │ lagging']);
    expect(lines[0]![0]).toEqual({ text: 'name', bold: true });
  });

  it('falls back to one wrapped line per row for a table wider than the width', () => {
    expect(toPlain(renderProse('| a long header | another |\n|---|---|\n| x | y |', 12))).toEqual(['a long', 'header |', 'another', 'x | y']);
  });

  it('shows HTML dimmed', () => {
    expect(renderProse('<div>\nhi\n</div>', 20)).toEqual([[{ text: '<div>', dim: true }], [{ text: 'hi', dim: true }], [{ text: '</div>', dim: true }]]);
    expect(renderProse('a <b>c</b>', 20)).toEqual([[{ text: 'a ' }, { text: '<b>', dim: true }, { text: 'c' }, { text: '</b>', dim: true }]]);
  });

  it('breaks lines at hard breaks', () => {
    expect(toPlain(renderProse('one  \ntwo\\\nthree', 20))).toEqual(['one', 'two', 'three']);
  });

  it('makes control characters inert', () => {
    const lines = renderProse('Text \u001b[2J\u001b]0;title\u0007 `\u001b[31m` [x](http://a\u001b.b)\n\n```\n\u001b]52;c;Zm9v\u0007\n```\n\n> \u202eevil', 80);
    const text = toPlain(lines).join('\n');
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(text).toContain('␛[2J␛]0;title␇');
    expect(text).toContain('␛]52;c;Zm9v␇');
    expect(text).toContain('⟨U+202E⟩evil');
  });

  it('leaves no blank line at the end', () => {
    expect(renderProse('a\n\n```\nb\n\n\n```\n\n\n', 20).at(-1)).toEqual([{ text: '  ' }, { text: 'b', code: true }]);
    expect(renderProse('', 20)).toEqual([]);
    expect(renderProse('\n\n  \n', 20)).toEqual([]);
  });

  it('renders footnotes, definitions and images', () => {
    expect(toPlain(renderProse('See[^1] ![diagram](d.png).\n\n[^1]: The note.\n\n[ref]: https://x.test', 40))).toEqual([
      'See[^1] [image: diagram] (d.png).',
      '',
      '[^1]: The note.',
      '',
      '[ref]: https://x.test',
    ]);
  });

  it('never throws and keeps to odd widths', () => {
    for (const width of [0, -5, 1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => renderProse('# a\n\n- b\n  > c\n\n```\nd\n```\n\n| e |\n|---|\n| f |\n\n---', width)).not.toThrow();
    }
    expect(renderProse('x', Number.NaN)).toEqual([[{ text: 'x' }]]);
  });

  it('keeps deeply nested lists and quotes within the width', () => {
    const markdown = `${'> '.repeat(30)}${'- '.repeat(30)}deep text here`;
    for (const line of renderProse(markdown, 12)) expect(toPlain([line])[0]!.length).toBeLessThanOrEqual(12);
  });
});
