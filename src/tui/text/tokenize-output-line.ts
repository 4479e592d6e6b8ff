import { tokenizeTerminal } from '../../model/terminal/tokenize-terminal.js';

/** A piece of one line of output: as {@link tokenizeTerminal} reads it, an SGR sequence kept raw only. */
export type OutputToken = { kind: 'text'; text: string } | { kind: 'sgr'; raw: string } | { kind: 'control'; raw: string };

/** The longest escape sequence read as one; a longer one is shown inert up to here and the rest read as text. */
export const MAX_ESCAPE_LENGTH = 256;

/** Anything the tokenizer would not return as one plain text token. */
const SPECIAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** An SGR sequence short enough to keep. */
const SHORT_SGR = /\u001b\[[0-9;]{0,250}m/g;
const OPEN_CSI = /^\u001b\[[0-?]*[ -/]*$/;
const STRING_START = /^\u001b[\]PX^_]/;

/** The tokens of one line of output (without its `\n`); escape sequences are capped at {@link MAX_ESCAPE_LENGTH}. */
export function tokenizeOutputLine(line: string): OutputToken[] {
  if (!SPECIAL.test(line)) return line === '' ? [] : [{ kind: 'text', text: line }];
  return tokenizeColoredLine(line) ?? tokenizeAnyLine(line);
}

/**
 * Splits the tokens of an unfinished line into those that can be handled now
 * and a raw tail to keep until more output arrives: an escape sequence that
 * more characters could still extend or complete, or half a surrogate pair.
 */
export function splitPendingTail(tokens: readonly OutputToken[]): { tokens: OutputToken[]; pending: string } {
  const last = tokens.at(-1);
  const ready = tokens.slice(0, -1);
  if (!last) return { tokens: [], pending: '' };
  if (last.kind === 'control' && isOpenEscape(last.raw)) return { tokens: ready, pending: last.raw };
  if (last.kind === 'text' && isHighSurrogate(last.text, last.text.length - 1)) {
    const text = last.text.slice(0, -1);
    return { tokens: text === '' ? ready : [...ready, { kind: 'text', text }], pending: last.text.slice(-1) };
  }
  return { tokens: [...tokens], pending: '' };
}

/** The common case made fast: text whose only escape sequences are SGR colours; `null` for anything else. */
function tokenizeColoredLine(line: string): OutputToken[] | null {
  const tokens: OutputToken[] = [];
  let index = 0;
  SHORT_SGR.lastIndex = 0;
  for (let match = SHORT_SGR.exec(line); match; match = SHORT_SGR.exec(line)) {
    if (!addPlainText(tokens, line.slice(index, match.index))) return null;
    tokens.push({ kind: 'sgr', raw: match[0] });
    index = SHORT_SGR.lastIndex;
  }
  return addPlainText(tokens, line.slice(index)) ? tokens : null;
}

function addPlainText(tokens: OutputToken[], text: string): boolean {
  if (text === '') return true;
  if (SPECIAL.test(text)) return false;
  tokens.push({ kind: 'text', text });
  return true;
}

function tokenizeAnyLine(line: string): OutputToken[] {
  const tokens: OutputToken[] = [];
  for (const token of tokenizeTerminal(line)) {
    if (token.kind === 'text') tokens.push(token);
    else if (token.raw.length <= MAX_ESCAPE_LENGTH) tokens.push({ kind: token.kind, raw: token.raw });
    else {
      const cut = isHighSurrogate(token.raw, MAX_ESCAPE_LENGTH - 1) ? MAX_ESCAPE_LENGTH - 1 : MAX_ESCAPE_LENGTH;
      tokens.push({ kind: 'control', raw: token.raw.slice(0, cut) });
      tokens.push(...tokenizeAnyLine(token.raw.slice(cut)));
    }
  }
  return tokens;
}

function isOpenEscape(raw: string): boolean {
  if (raw === '\u001b' || OPEN_CSI.test(raw)) return true;
  return STRING_START.test(raw) && !raw.endsWith('\u0007') && !raw.endsWith('\u001b\\');
}

function isHighSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff;
}
