/**
 * A piece of terminal output. `text`: printable text (with `\t` and `\n`);
 * `sgr`: a colour or style change (`ESC [ ... m`); `control`: anything else a
 * terminal would act on (cursor movement, clear screen, OSC titles, hyperlinks
 * and clipboard writes, DCS strings, a lone ESC, other control characters,
 * bidirectional overrides), kept raw so that reports show it inert.
 */
export type TerminalToken =
  | { kind: 'text'; text: string }
  | { kind: 'sgr'; params: number[]; raw: string }
  | { kind: 'control'; raw: string };

const ESC = '\u001b';
/** Runs of text without ESC, control characters other than tab and newline, DEL, C1 controls, bidi marks, overrides and isolates. */
const PLAIN = /[^\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/y;
const CSI = /\u001b\[[0-?]*[ -/]*[@-~]?/y;
/** OSC, DCS, SOS, PM, APC: a string up to ST (`ESC \`), BEL (also ends OSC in practice) or the end. */
const STRING_SEQUENCE = /\u001b[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?/y;
const SHORT_ESCAPE = /\u001b[ -/]*[0-~]/y;

/** Splits terminal output into tokens; `\r\n` counts as `\n`. Never throws; no input is dropped. */
export function tokenizeTerminal(output: string): TerminalToken[] {
  const text = output.replace(/\r\n/g, '\n');
  const tokens: TerminalToken[] = [];
  let index = 0;
  while (index < text.length) {
    PLAIN.lastIndex = index;
    const plain = PLAIN.exec(text)?.[0];
    if (plain) {
      tokens.push({ kind: 'text', text: plain });
      index += plain.length;
      continue;
    }
    const char = text[index]!;
    const raw = char === ESC ? readEscape(text, index) : char;
    tokens.push(toToken(raw));
    index += raw.length;
  }
  return tokens;
}

function readEscape(text: string, index: number): string {
  for (const pattern of [CSI, STRING_SEQUENCE, SHORT_ESCAPE]) {
    pattern.lastIndex = index;
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return ESC;
}

function toToken(raw: string): TerminalToken {
  const sgr = /^\u001b\[([0-9;]*)m$/.exec(raw);
  if (!sgr) return { kind: 'control', raw };
  const params = sgr[1] === '' ? [0] : sgr[1]!.split(';').map((part) => (part === '' ? 0 : Number(part)));
  return { kind: 'sgr', params, raw };
}
