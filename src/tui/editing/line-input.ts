import type { Key } from 'ink';

/** Ink's description of a key press, the second argument of a `useInput` handler. */
export type InkKey = Key;

/**
 * A single-line text field (a skip reason, a destructive cell's name typed to
 * confirm it, a criterion note, an input variable).
 */
export interface LineInput {
  /** The text; never holds control characters (no newline, tab, ESC or other C0/C1). */
  value: string;
  /**
   * The cursor as an offset in UTF-16 code units, always on a grapheme
   * boundary: never inside a surrogate pair, an emoji sequence or a letter
   * with its combining marks.
   */
  cursor: number;
}

/** One key press as Ink hands it to a `useInput` handler. */
export type LineKey = { input: string; key: InkKey };

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const CONTROL_CHARACTERS = /[\p{Cc}\p{Cs}]/gu;
const LINE_BREAK = /\r\n|\r|\n/g;
const WHITESPACE = /\s/;

/** Counts user-perceived characters (grapheme clusters). */
export function countGraphemes(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count += 1;
  return count;
}

/** `index` clamped to the text and moved back to the start of the grapheme it falls in. */
export function snapToBoundary(text: string, index: number): number {
  if (!(index > 0)) return 0;
  if (index >= text.length) return text.length;
  return graphemes.segment(text).containing(index)?.index ?? index;
}

/** The grapheme boundary before `index` (0 at the start). */
export function findPreviousBoundary(text: string, index: number): number {
  let previous = 0;
  for (const { index: start } of graphemes.segment(text)) {
    if (start >= index) break;
    previous = start;
  }
  return previous;
}

/** The grapheme boundary after `index` (the text's length at the end). */
export function findNextBoundary(text: string, index: number): number {
  if (index >= text.length) return text.length;
  const segment = graphemes.segment(text).containing(Math.max(0, index));
  return segment ? segment.index + segment.segment.length : text.length;
}

/** The start of the word before `index`: whitespace, then a run of non-whitespace (like readline's Ctrl-W). */
export function findWordStart(text: string, index: number): number {
  let at = index;
  while (at > 0 && WHITESPACE.test(text[at - 1]!)) at -= 1;
  while (at > 0 && !WHITESPACE.test(text[at - 1]!)) at -= 1;
  return snapToBoundary(text, at);
}

/** The end of the word after `index`: whitespace, then a run of non-whitespace. */
export function findWordEnd(text: string, index: number): number {
  let at = index;
  while (at < text.length && WHITESPACE.test(text[at]!)) at += 1;
  while (at < text.length && !WHITESPACE.test(text[at]!)) at += 1;
  return at;
}

/** Drops control characters (C0, DEL, C1) and lone surrogates. */
export function removeControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

/** Pasted text made fit for one line: trailing line breaks dropped, inner ones and tabs become spaces. */
function normalizeLineText(text: string): string {
  const trimmed = text.replace(/(?:\r\n|\r|\n)+$/, '');
  return removeControlCharacters(trimmed.replace(LINE_BREAK, ' ').replace(/\t/g, ' '));
}

function withCursor(state: LineInput, cursor: number): LineInput {
  return cursor === state.cursor ? state : { value: state.value, cursor };
}

/** Removes the text between the cursor and `to` (either side of it). */
function removeTo(state: LineInput, to: number): LineInput {
  const from = Math.min(state.cursor, to);
  const end = Math.max(state.cursor, to);
  if (from === end) return state;
  return { value: state.value.slice(0, from) + state.value.slice(end), cursor: from };
}

function insertText(state: LineInput, text: string): LineInput {
  if (text === '') return state;
  const { value, cursor } = state;
  return { value: value.slice(0, cursor) + text + value.slice(cursor), cursor: cursor + text.length };
}

type LineAction = (state: LineInput) => LineInput;

/** Readline's keys, by the letter Ink reports with `key.ctrl`. */
const CONTROL_ACTIONS = new Map<string, LineAction>([
  ['a', (state) => withCursor(state, 0)],
  ['e', (state) => withCursor(state, state.value.length)],
  ['b', (state) => withCursor(state, findPreviousBoundary(state.value, state.cursor))],
  ['f', (state) => withCursor(state, findNextBoundary(state.value, state.cursor))],
  ['h', (state) => removeTo(state, findPreviousBoundary(state.value, state.cursor))],
  ['d', (state) => removeTo(state, findNextBoundary(state.value, state.cursor))],
  ['u', (state) => removeTo(state, 0)],
  ['k', (state) => removeTo(state, state.value.length)],
  ['w', (state) => removeTo(state, findWordStart(state.value, state.cursor))],
]);

/** Readline's Alt keys, by the letter Ink reports with `key.meta`. */
const META_ACTIONS = new Map<string, LineAction>([
  ['b', (state) => withCursor(state, findWordStart(state.value, state.cursor))],
  ['f', (state) => withCursor(state, findWordEnd(state.value, state.cursor))],
  ['d', (state) => removeTo(state, findWordEnd(state.value, state.cursor))],
]);

/** A line input holding `value` (cleaned like pasted text) with the cursor at its end. */
export function createLineInput(value = ''): LineInput {
  const clean = normalizeLineText(value);
  return { value: clean, cursor: clean.length };
}

/**
 * Applies one key press from Ink's `useInput` to a line input. Handles
 * printable text (a paste arrives as one multi-character `input`), arrows
 * (with Ctrl or Alt: by word), Home/End, Backspace (Ink reports the usual
 * Backspace byte 0x7f as `key.delete`, Ctrl-H as `key.backspace`; both delete
 * before the cursor, with Ctrl or Alt a word), and readline's Ctrl-A/E/B/F/D/K/U/W
 * and Alt-B/F/D. Enter, Esc, Tab and Up/Down are left to the caller: they, and
 * any other Ctrl or Alt key, change nothing (the same object comes back).
 */
export function editLineInput(state: LineInput, input: string, key: InkKey): LineInput {
  if (key.eventType === 'release') return state;
  const current = withCursor(state, snapToBoundary(state.value, state.cursor));
  const { value, cursor } = current;
  const byWord = key.ctrl || key.meta;
  if (key.leftArrow) return withCursor(current, byWord ? findWordStart(value, cursor) : findPreviousBoundary(value, cursor));
  if (key.rightArrow) return withCursor(current, byWord ? findWordEnd(value, cursor) : findNextBoundary(value, cursor));
  if (key.home) return withCursor(current, 0);
  if (key.end) return withCursor(current, value.length);
  if (key.backspace || key.delete) return removeTo(current, byWord ? findWordStart(value, cursor) : findPreviousBoundary(value, cursor));
  if (key.escape || key.return || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return current;
  if (key.ctrl) return CONTROL_ACTIONS.get(input)?.(current) ?? current;
  if (key.meta) return META_ACTIONS.get(input)?.(current) ?? current;
  return insertText(current, normalizeLineText(input));
}

/** The value with every character shown as '•', for secrets; mask the text before the cursor to place it. */
export function maskLineInput(state: LineInput): string {
  return '•'.repeat(countGraphemes(state.value));
}
