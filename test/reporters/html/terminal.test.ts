import { describe, expect, it } from 'vitest';
import { formatTerminalPlain } from '../../../src/model/terminal/format-terminal-plain.js';
import { renderTerminalHtml } from '../../../src/reporters/html/terminal/render-terminal-html.js';
import { tokenizeTerminal } from '../../../src/model/terminal/tokenize-terminal.js';

const ESC = '\u001b';
const render = (text: string): string => renderTerminalHtml(text).value;

describe('tokenizeTerminal', () => {
  it('splits text, SGR and every other sequence, losing nothing', () => {
    const input = `a${ESC}[1;31mb${ESC}[2Jc${ESC}]0;t\u0007d${ESC}]8;;http://x${ESC}\\e${ESC}Pq#0${ESC}\\f${ESC}[12g\u009b2J${ESC}`;
    const tokens = tokenizeTerminal(input);
    expect(tokens.map((token) => (token.kind === 'text' ? token.text : token.raw)).join('')).toBe(input);
    expect(tokens.map((token) => token.kind)).toEqual(['text', 'sgr', 'text', 'control', 'text', 'control', 'text', 'control', 'text', 'control', 'text', 'control', 'control', 'text', 'control']);
    expect(tokens[1]).toEqual({ kind: 'sgr', params: [1, 31], raw: `${ESC}[1;31m` });
  });

  it('keeps an unfinished sequence raw and reads CRLF as a newline', () => {
    expect(tokenizeTerminal(`x${ESC}[12`)).toEqual([{ kind: 'text', text: 'x' }, { kind: 'control', raw: `${ESC}[12` }]);
    expect(tokenizeTerminal('a\r\nb\rc')).toEqual([{ kind: 'text', text: 'a\nb' }, { kind: 'control', raw: '\r' }, { kind: 'text', text: 'c' }]);
  });
});

describe('renderTerminalHtml', () => {
  it('renders SGR 30-37, 90-97, bold and reset as classes', () => {
    expect(render(`${ESC}[31mred${ESC}[0m ${ESC}[1;92mbold green${ESC}[22m plain green${ESC}[39m x`)).toBe(
      '<span class="fg-1">red</span> <span class="fg-10 b">bold green</span><span class="fg-10"> plain green</span> x',
    );
    expect(render(`${ESC}[44;37mw${ESC}[m`)).toBe('<span class="fg-7 bg-4">w</span>');
  });

  it('renders 256-colour and 24-bit colours as computed hex, and never hides text', () => {
    expect(render(`${ESC}[38;5;208ma${ESC}[38;2;1;2;255mb${ESC}[48;5;232mc`)).toBe(
      '<span style="color:#ff8700">a</span><span style="color:#0102ff">b</span><span style="color:#0102ff;background-color:#080808">c</span>',
    );
    expect(render(`${ESC}[30;40mhidden${ESC}[0m ${ESC}[8mconcealed`)).toBe('<span class="fg-0">hidden</span> concealed');
  });

  it('shows every other escape and control character inert, and escapes HTML', () => {
    expect(render(`${ESC}[2J${ESC}]52;c;eA==\u0007<script>&\u0008\u202e`)).toBe(
      '<span class="ctl">␛[2J</span><span class="ctl">␛]52;c;eA==␇</span>&lt;script&gt;&amp;<span class="ctl">␈</span><span class="ctl">⟨U+202E⟩</span>',
    );
  });
});

describe('formatTerminalPlain', () => {
  it('drops colours and keeps everything else visible', () => {
    expect(formatTerminalPlain(`${ESC}[32mok${ESC}[0m ${ESC}[1A${ESC}[K\rdone\r\n`)).toBe('ok ␛[1A␛[K␍done\n');
  });
});
