import { showControl } from '../../model/terminal/show-control.js';
import { applySgrCarry, type SgrCarry } from './sgr-carry.js';
import { getTextWidth } from './text-width.js';
import type { OutputToken } from './tokenize-output-line.js';

/** The unfinished line of one stream, as it stands so far. */
export interface OutputLineState {
  /** The style carried over from earlier output, re-established at the start of the line. */
  readonly start: string;
  /** Sanitized text and the SGR sequences kept in it. */
  readonly body: string;
  /** Whether `start` and `body` leave a style active, so that the line must end with a reset. */
  readonly active: boolean;
  /** Visible UTF-16 code units in `body`. */
  readonly length: number;
  /** The terminal column after `body`, for tab stops. */
  readonly column: number;
  /** Visible characters cut off because the line is longer than allowed. */
  readonly dropped: number;
  /** Characters of SGR sequences in `body`; `Infinity` once one was left out. */
  readonly sgrLength: number;
  /** A carriage return was read: the next visible text replaces the line. */
  readonly returned: boolean;
}

/** A stream's unfinished line and style while one chunk is read: a private copy, changed in place for speed. */
export interface OutputLineWork {
  line: { -readonly [Key in keyof OutputLineState]: OutputLineState[Key] };
  carry: SgrCarry;
  readonly maxLineLength: number;
}

const RESET = '\u001b[0m';
const TAB_STOP = 8;

/** An empty line in the style of `carry`. */
export function createOutputLine(carry: SgrCarry): OutputLineState {
  return { start: carry.sequence, body: '', active: carry.sequence !== '', length: 0, column: 0, dropped: 0, sgrLength: 0, returned: false };
}

/** A private, changeable copy of a stream's line and style for {@link writeOutputToken}. */
export function createOutputLineWork(line: OutputLineState, carry: SgrCarry, maxLineLength: number): OutputLineWork {
  return { line: { ...line }, carry, maxLineLength };
}

/** Starts the next line of `work`, in the style carried over. */
export function startOutputLine(work: OutputLineWork): void {
  const line = work.line;
  line.start = work.carry.sequence;
  line.body = '';
  line.active = line.start !== '';
  line.length = line.column = line.dropped = line.sgrLength = 0;
  line.returned = false;
}

/** Adds one token of the line to `work`. */
export function writeOutputToken(work: OutputLineWork, token: OutputToken): void {
  if (token.kind === 'sgr') writeSgr(work, token.raw);
  else if (token.kind === 'control') {
    if (token.raw === '\r') work.line.returned = true;
    else writeVisible(work, showControl(token.raw));
  } else if (!token.text.includes('\t')) writeVisible(work, token.text);
  else {
    const parts = token.text.split('\t');
    for (let index = 0; index < parts.length; index++) {
      if (index > 0) writeTab(work);
      writeVisible(work, parts[index]!);
    }
  }
}

/** The line as stored: self-contained for colour, with a marker for what was cut off. `''` when nothing is visible. */
export function formatOutputLine(line: OutputLineState): string {
  if (line.length === 0 && line.dropped === 0) return '';
  const marker = line.dropped > 0 ? ` … (+${line.dropped} chars)` : '';
  return line.start + line.body + marker + (line.active ? RESET : '');
}

function writeVisible(work: OutputLineWork, text: string): void {
  if (text === '') return;
  if (work.line.returned) startOutputLine(work);
  const line = work.line;
  const room = work.maxLineLength - line.length;
  let cut = text.length;
  if (cut > room) {
    cut = Math.max(0, room);
    if (cut > 0 && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
    line.dropped += countCodePoints(text, cut);
  }
  const kept = cut === text.length ? text : text.slice(0, cut);
  line.body += kept;
  line.length = cut === text.length ? line.length + cut : work.maxLineLength;
  line.column += getTextWidth(kept);
}

function writeTab(work: OutputLineWork): void {
  if (work.line.returned) startOutputLine(work);
  if (work.line.length >= work.maxLineLength) work.line.dropped++;
  else writeVisible(work, ' '.repeat(TAB_STOP - (work.line.column % TAB_STOP)));
}

function writeSgr(work: OutputLineWork, raw: string): void {
  work.carry = applySgrCarry(work.carry, raw);
  const line = work.line;
  // After a carriage return the style goes into `start` when text arrives; after a cut nothing shows.
  if (line.returned || line.length >= work.maxLineLength || line.sgrLength === Infinity) return;
  // Colour changes kept per line: generous for coloured output, bounded for a flood of them.
  if (line.sgrLength + raw.length > work.maxLineLength * 4 + 256) line.sgrLength = Infinity;
  else {
    line.body += raw;
    line.sgrLength += raw.length;
    line.active = work.carry.sequence !== '';
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Code points in `text` from `start` on. */
function countCodePoints(text: string, start: number): number {
  let count = text.length - start;
  for (let i = start; i < text.length; i++) if (isHighSurrogate(text.charCodeAt(i))) count--;
  return count;
}
