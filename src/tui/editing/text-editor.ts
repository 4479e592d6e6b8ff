import {
  findNextBoundary,
  findPreviousBoundary,
  findWordEnd,
  findWordStart,
  removeControlCharacters,
  snapToBoundary,
  type InkKey,
} from './line-input.js';

/** A multi-line inline editor, for a cell's source when `$EDITOR` is not set. */
export interface TextEditor {
  /** The text, one entry per line, without line breaks; never empty. */
  lines: string[];
  /** The cursor's line, 0-based. */
  row: number;
  /** The cursor's offset in its line, in UTF-16 code units, on a grapheme boundary. */
  col: number;
  /** The first line shown; `editText` keeps `row` within `viewHeight` lines from it. */
  scroll: number;
}

/** Two spaces stand in for a tab, typed or pasted. */
const TAB = '  ';
const LINE_BREAK = /\r\n|\r|\n/;

/** An editor holding `text` (CRLF and CR line breaks read as LF), the cursor at its start. */
export function createTextEditor(text: string): TextEditor {
  return { lines: text.split(LINE_BREAK), row: 0, col: 0, scroll: 0 };
}

/** The edited text, lines joined with LF. */
export function getEditorText(state: TextEditor): string {
  return state.lines.join('\n');
}

function getLine(state: TextEditor, row = state.row): string {
  return state.lines[row] ?? '';
}

function moveTo(state: TextEditor, row: number, col: number): TextEditor {
  return row === state.row && col === state.col ? state : { ...state, row, col };
}

/** Replaces the current line's text between `from` and `to` (offsets in it), the cursor ending at `from` plus what was put. */
function replaceInLine(state: TextEditor, from: number, to: number, text: string): TextEditor {
  const line = getLine(state);
  const start = Math.min(from, to);
  const end = Math.max(from, to);
  if (start === end && text === '') return state;
  const lines = state.lines.slice();
  lines[state.row] = line.slice(0, start) + text + line.slice(end);
  return { ...state, lines, col: start + text.length };
}

/** Joins line `row` with the next one, the cursor at the join. */
function joinWithNext(state: TextEditor, row: number): TextEditor {
  if (row < 0 || row >= state.lines.length - 1) return state;
  const lines = state.lines.slice();
  const col = getLine(state, row).length;
  lines.splice(row, 2, getLine(state, row) + getLine(state, row + 1));
  return { ...state, lines, row, col };
}

function insertText(state: TextEditor, text: string): TextEditor {
  const pieces = text.split('\n');
  if (pieces.length === 1) return replaceInLine(state, state.col, state.col, text);
  const line = getLine(state);
  const last = pieces[pieces.length - 1]!;
  const inserted = [line.slice(0, state.col) + pieces[0]!, ...pieces.slice(1, -1), last + line.slice(state.col)];
  const lines = state.lines.slice();
  lines.splice(state.row, 1, ...inserted);
  return { ...state, lines, row: state.row + pieces.length - 1, col: last.length };
}

/** Typed or pasted text made safe: line breaks become LF, tabs two spaces, other control characters go. */
function normalizeText(text: string): string {
  return text
    .split(LINE_BREAK)
    .map((line) => removeControlCharacters(line.replace(/\t/g, TAB)))
    .join('\n');
}

function deleteBefore(state: TextEditor, byWord: boolean): TextEditor {
  if (state.col === 0) return joinWithNext(state, state.row - 1);
  const line = getLine(state);
  return replaceInLine(state, byWord ? findWordStart(line, state.col) : findPreviousBoundary(line, state.col), state.col, '');
}

function deleteAfter(state: TextEditor, byWord: boolean): TextEditor {
  const line = getLine(state);
  if (state.col >= line.length) return joinWithNext(state, state.row);
  return replaceInLine(state, state.col, byWord ? findWordEnd(line, state.col) : findNextBoundary(line, state.col), '');
}

function moveLeft(state: TextEditor, byWord: boolean): TextEditor {
  if (state.col === 0) return state.row === 0 ? state : moveTo(state, state.row - 1, getLine(state, state.row - 1).length);
  const line = getLine(state);
  return moveTo(state, state.row, byWord ? findWordStart(line, state.col) : findPreviousBoundary(line, state.col));
}

function moveRight(state: TextEditor, byWord: boolean): TextEditor {
  const line = getLine(state);
  if (state.col >= line.length) return state.row >= state.lines.length - 1 ? state : moveTo(state, state.row + 1, 0);
  return moveTo(state, state.row, byWord ? findWordEnd(line, state.col) : findNextBoundary(line, state.col));
}

/** Moves `delta` lines (clamped to the text), the column clamped to the new line; `scrollBy` also shifts the view. */
function moveVertically(state: TextEditor, delta: number, scrollBy = 0): TextEditor {
  const row = Math.min(Math.max(state.row + delta, 0), state.lines.length - 1);
  const moved = moveTo(state, row, snapToBoundary(getLine(state, row), state.col));
  return scrollBy === 0 || moved === state ? moved : { ...moved, scroll: Math.max(0, moved.scroll + scrollBy) };
}

type EditorAction = (state: TextEditor) => TextEditor;

/** Readline's keys, by the letter Ink reports with `key.ctrl`. */
const CONTROL_ACTIONS = new Map<string, EditorAction>([
  ['a', (state) => moveTo(state, state.row, 0)],
  ['e', (state) => moveTo(state, state.row, getLine(state).length)],
  ['b', (state) => moveLeft(state, false)],
  ['f', (state) => moveRight(state, false)],
  ['h', (state) => deleteBefore(state, false)],
  ['d', (state) => deleteAfter(state, false)],
  ['u', (state) => replaceInLine(state, 0, state.col, '')],
  ['k', (state) => (state.col >= getLine(state).length ? joinWithNext(state, state.row) : replaceInLine(state, state.col, getLine(state).length, ''))],
  ['w', (state) => deleteBefore(state, true)],
]);

/** Readline's Alt keys, by the letter Ink reports with `key.meta`. */
const META_ACTIONS = new Map<string, EditorAction>([
  ['b', (state) => moveLeft(state, true)],
  ['f', (state) => moveRight(state, true)],
  ['d', (state) => deleteAfter(state, true)],
]);

function applyKey(state: TextEditor, input: string, key: InkKey, height: number): TextEditor {
  const byWord = key.ctrl || key.meta;
  if (key.upArrow) return moveVertically(state, -1);
  if (key.downArrow) return moveVertically(state, 1);
  if (key.pageUp) return moveVertically(state, -height, -height);
  if (key.pageDown) return moveVertically(state, height, height);
  if (key.leftArrow) return moveLeft(state, byWord);
  if (key.rightArrow) return moveRight(state, byWord);
  if (key.home) return key.ctrl ? moveTo(state, 0, 0) : moveTo(state, state.row, 0);
  if (key.end) return key.ctrl ? moveTo(state, state.lines.length - 1, getLine(state, state.lines.length - 1).length) : moveTo(state, state.row, getLine(state).length);
  if (key.backspace || key.delete) return deleteBefore(state, byWord);
  if (key.return) return insertText(state, '\n');
  if (key.tab) return key.shift ? state : insertText(state, TAB);
  if (key.escape) return state;
  if (key.ctrl) return CONTROL_ACTIONS.get(input)?.(state) ?? state;
  if (key.meta) return META_ACTIONS.get(input)?.(state) ?? state;
  return insertText(state, normalizeText(input));
}

/** The cursor put back on a line and a grapheme boundary, for a state built by hand. */
function normalizeCursor(state: TextEditor): TextEditor {
  const lines = state.lines.length === 0 ? [''] : state.lines;
  const row = Math.min(Math.max(Math.trunc(state.row) || 0, 0), lines.length - 1);
  const col = snapToBoundary(lines[row]!, state.col);
  return lines === state.lines && row === state.row && col === state.col ? state : { ...state, lines, row, col };
}

/** Scrolls as little as needed to show the cursor's line, never past the last screenful. */
function revealCursor(state: TextEditor, height: number): TextEditor {
  const maxScroll = Math.max(0, state.lines.length - height);
  let scroll = Math.min(Math.max(state.scroll, 0), maxScroll);
  if (state.row < scroll) scroll = state.row;
  if (state.row >= scroll + height) scroll = state.row - height + 1;
  return scroll === state.scroll ? state : { ...state, scroll };
}

/**
 * Applies one key press from Ink's `useInput` to the editor, then scrolls so
 * the cursor's line is among the `viewHeight` lines shown. Handles text
 * (a paste with line breaks splits lines), Enter, Tab (two spaces),
 * Backspace (Ink reports the usual 0x7f as `key.delete`; at the start of a
 * line it joins it to the previous one), arrows (Ctrl or Alt with left/right:
 * by word), Home/End (with Ctrl: the text's start/end), PgUp/PgDn, and
 * readline's Ctrl-A/E/B/F/D/K/U/W and Alt-B/F/D. Saving and cancelling (Ctrl-S,
 * Esc) are the caller's; every other Ctrl or Alt key changes nothing.
 */
export function editText(state: TextEditor, input: string, key: InkKey, viewHeight: number): TextEditor {
  const height = Math.max(1, Math.floor(viewHeight) || 1);
  const current = normalizeCursor(state);
  if (key.eventType === 'release') return revealCursor(current, height);
  return revealCursor(applyKey(current, input, key, height), height);
}
