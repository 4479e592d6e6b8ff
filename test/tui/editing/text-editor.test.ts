import { describe, expect, it } from 'vitest';
import { createTextEditor, editText, getEditorText, type InkKey, type TextEditor } from '../../../src/tui/editing/index.js';

const NO_KEY: InkKey = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};

/** Keys as Ink 6 reports them (see ink/build/hooks/use-input.js and parse-keypress.js). */
const KEYS = {
  up: ['', { upArrow: true }],
  down: ['', { downArrow: true }],
  left: ['', { leftArrow: true }],
  right: ['', { rightArrow: true }],
  home: ['', { home: true }],
  end: ['', { end: true }],
  ctrlHome: ['', { home: true, ctrl: true }],
  ctrlEnd: ['', { end: true, ctrl: true }],
  pageUp: ['', { pageUp: true }],
  pageDown: ['', { pageDown: true }],
  // The Backspace key sends 0x7f, which Ink names `delete`.
  backspace: ['', { delete: true }],
  ctrlH: ['', { backspace: true }],
  enter: ['\r', { return: true }],
  tab: ['', { tab: true }],
  shiftTab: ['', { tab: true, shift: true }],
  escape: ['', { escape: true, meta: true }],
  ctrlS: ['s', { ctrl: true }],
  ctrlD: ['d', { ctrl: true }],
  ctrlK: ['k', { ctrl: true }],
  ctrlU: ['u', { ctrl: true }],
  ctrlW: ['w', { ctrl: true }],
  ctrlA: ['a', { ctrl: true }],
  ctrlE: ['e', { ctrl: true }],
  ctrlLeft: ['', { leftArrow: true, ctrl: true }],
  altF: ['f', { meta: true }],
  altX: ['x', { meta: true }],
} satisfies Record<string, [string, Partial<InkKey>]>;

type KeyName = keyof typeof KEYS;

/** Presses named keys (or types any other string) in a view `height` lines tall. */
function pressIn(height: number, state: TextEditor, ...keys: Array<KeyName | string>): TextEditor {
  return keys.reduce((current, name) => {
    if (Object.hasOwn(KEYS, name)) {
      const [input, key] = KEYS[name as KeyName];
      return editText(current, input, { ...NO_KEY, ...key }, height);
    }
    return editText(current, name, NO_KEY, height);
  }, state);
}

function press(state: TextEditor, ...keys: Array<KeyName | string>): TextEditor {
  return pressIn(10, state, ...keys);
}

/** The text with `|` at the cursor. */
function show(state: TextEditor): string {
  const lines = state.lines.slice();
  const line = lines[state.row]!;
  lines[state.row] = `${line.slice(0, state.col)}|${line.slice(state.col)}`;
  return lines.join('\n');
}

describe('createTextEditor and getEditorText', () => {
  it('splits the text into lines, the cursor at the start', () => {
    expect(createTextEditor('a\nb')).toEqual({ lines: ['a', 'b'], row: 0, col: 0, scroll: 0 });
    expect(createTextEditor('')).toEqual({ lines: [''], row: 0, col: 0, scroll: 0 });
  });

  it('gives back the text, keeping a trailing newline and reading CRLF as LF', () => {
    for (const text of ['', 'one', 'one\n', 'a\n\nb\n', '\tindented\n']) expect(getEditorText(createTextEditor(text))).toBe(text);
    expect(getEditorText(createTextEditor('a\r\nb\rc'))).toBe('a\nb\nc');
  });
});

describe('editText: typing', () => {
  it('inserts text at the cursor', () => {
    expect(show(press(createTextEditor('ac'), 'right', 'b'))).toBe('ab|c');
  });

  it('splits the line on Enter, without indenting', () => {
    expect(show(press(createTextEditor('  ab'), 'end', 'left', 'enter'))).toBe('  a\n|b');
  });

  it('splits lines on a pasted text with line breaks of any kind', () => {
    const state = press(createTextEditor('BEGIN;END;'), 'ctrlE', 'left', 'left', 'left', 'left', 'BEGIN;\r\nselect 1;\rselect 2;\n');
    expect(show(state)).toBe('BEGIN;BEGIN;\nselect 1;\nselect 2;\n|END;');
    expect(state).toMatchObject({ row: 3, col: 0 });
  });

  it('inserts two spaces for Tab, typed or pasted, and ignores Shift-Tab', () => {
    expect(show(press(createTextEditor('x'), 'tab'))).toBe('  |x');
    expect(show(press(createTextEditor(''), 'a\tb'))).toBe('a  b|');
    const state = createTextEditor('x');
    expect(press(state, 'shiftTab')).toBe(state);
  });

  it('never inserts control characters', () => {
    const state = createTextEditor('x');
    for (const input of ['\u0000', '\u0007', '\u001b', '\u001c', '\u007f', '\u009b']) expect(press(state, input)).toBe(state);
    expect(getEditorText(press(state, 'a\u0000b\u001b[1mc'))).toBe('ab[1mcx');
  });

  it('ignores Esc, Ctrl-S and other Ctrl or Alt keys it does not handle (the caller saves and cancels)', () => {
    const state = press(createTextEditor('abc'), 'right');
    for (const name of ['escape', 'ctrlS', 'altX'] as const) expect(press(state, name)).toBe(state);
    expect(editText(state, 'z', { ...NO_KEY, ctrl: true }, 10)).toBe(state);
  });

  it('handles pasted emoji and moves over them whole', () => {
    const state = press(createTextEditor('ab'), 'right', '😀👨‍👩‍👧\n🎉');
    expect(show(state)).toBe('a😀👨‍👩‍👧\n🎉|b');
    expect(show(press(state, 'left'))).toBe('a😀👨‍👩‍👧\n|🎉b');
    expect(show(press(state, 'up', 'end', 'left'))).toBe('a😀|👨‍👩‍👧\n🎉b');
    expect(show(press(state, 'up', 'end', 'backspace', 'backspace'))).toBe('a|\n🎉b');
  });
});

describe('editText: deleting', () => {
  it('deletes before the cursor with Backspace (key.delete) and Ctrl-H (key.backspace)', () => {
    expect(show(press(createTextEditor('abc'), 'end', 'backspace'))).toBe('ab|');
    expect(show(press(createTextEditor('abc'), 'end', 'left', 'ctrlH'))).toBe('a|c');
  });

  it('joins a line to the previous one on Backspace at its start, and does nothing at the very start', () => {
    const state = createTextEditor('ab\ncd');
    expect(show(press(state, 'down', 'backspace'))).toBe('ab|cd');
    expect(press(state, 'backspace')).toBe(state);
  });

  it('deletes after the cursor with Ctrl-D, joining the next line at a line end', () => {
    expect(show(press(createTextEditor('ab\ncd'), 'ctrlD'))).toBe('|b\ncd');
    expect(show(press(createTextEditor('ab\ncd'), 'end', 'ctrlD'))).toBe('ab|cd');
    const last = press(createTextEditor('ab'), 'end');
    expect(press(last, 'ctrlD')).toBe(last);
  });

  it('kills with Ctrl-K (then joins lines) and Ctrl-U, and deletes a word with Ctrl-W', () => {
    expect(show(press(createTextEditor('abc\nd'), 'right', 'ctrlK'))).toBe('a|\nd');
    expect(show(press(createTextEditor('abc\nd'), 'right', 'ctrlK', 'ctrlK'))).toBe('a|d');
    expect(show(press(createTextEditor('abc'), 'end', 'left', 'ctrlU'))).toBe('|c');
    expect(show(press(createTextEditor('psql -c "select"'), 'end', 'ctrlW'))).toBe('psql -c |');
    expect(show(press(createTextEditor('a\nb'), 'down', 'ctrlW'))).toBe('a|b');
  });
});

describe('editText: moving', () => {
  it('moves left and right across line ends', () => {
    const state = createTextEditor('ab\ncd');
    expect(show(press(state, 'down', 'left'))).toBe('ab|\ncd');
    expect(show(press(state, 'end', 'right'))).toBe('ab\n|cd');
    expect(press(state, 'left')).toBe(state);
    const end = press(state, 'ctrlEnd');
    expect(show(end)).toBe('ab\ncd|');
    expect(press(end, 'right')).toBe(end);
  });

  it('clamps the column to the line when moving up and down, and stops at the first and last line', () => {
    const state = press(createTextEditor('long line\nab\nanother'), 'end');
    expect(show(press(state, 'down'))).toBe('long line\nab|\nanother');
    expect(show(press(state, 'down', 'down'))).toBe('long line\nab\nan|other');
    expect(press(state, 'up')).toBe(state);
    const last = press(state, 'ctrlEnd');
    expect(press(last, 'down')).toBe(last);
  });

  it('does not land inside a surrogate pair when moving vertically', () => {
    expect(show(press(createTextEditor('abc\n😀x'), 'right', 'down'))).toBe('abc\n|😀x');
  });

  it('goes to line start and end with Home/End and Ctrl-A/Ctrl-E, and to the text start and end with Ctrl-Home/End', () => {
    const state = press(createTextEditor('ab\ncd\nef'), 'down', 'right');
    expect(show(press(state, 'home'))).toBe('ab\n|cd\nef');
    expect(show(press(state, 'end'))).toBe('ab\ncd|\nef');
    expect(show(press(state, 'ctrlA'))).toBe('ab\n|cd\nef');
    expect(show(press(state, 'ctrlE'))).toBe('ab\ncd|\nef');
    expect(show(press(state, 'ctrlHome'))).toBe('|ab\ncd\nef');
    expect(show(press(state, 'ctrlEnd'))).toBe('ab\ncd\nef|');
  });

  it('moves by word with Ctrl-Left and Alt-F', () => {
    expect(show(press(createTextEditor('kubectl get pods'), 'end', 'ctrlLeft'))).toBe('kubectl get |pods');
    expect(show(press(createTextEditor('kubectl get pods'), 'altF'))).toBe('kubectl| get pods');
  });
});

describe('editText: scrolling', () => {
  const numbered = createTextEditor(Array.from({ length: 20 }, (_, index) => `line ${index}`).join('\n'));

  it('scrolls as little as needed to keep the cursor line visible', () => {
    let state = numbered;
    for (let step = 0; step < 4; step += 1) state = pressIn(5, state, 'down');
    expect(state).toMatchObject({ row: 4, scroll: 0 });
    state = pressIn(5, state, 'down');
    expect(state).toMatchObject({ row: 5, scroll: 1 });
    for (let step = 0; step < 4; step += 1) state = pressIn(5, state, 'up');
    expect(state).toMatchObject({ row: 1, scroll: 1 });
    state = pressIn(5, state, 'up');
    expect(state).toMatchObject({ row: 0, scroll: 0 });
  });

  it('pages with PgDn/PgUp, never scrolling past the last screenful', () => {
    let state = pressIn(5, numbered, 'pageDown');
    expect(state).toMatchObject({ row: 5, scroll: 5 });
    state = pressIn(5, state, 'pageDown', 'pageDown', 'pageDown');
    expect(state).toMatchObject({ row: 19, scroll: 15 });
    state = pressIn(5, state, 'pageUp');
    expect(state).toMatchObject({ row: 14, scroll: 10 });
    state = pressIn(5, state, 'pageUp', 'pageUp', 'pageUp');
    expect(state).toMatchObject({ row: 0, scroll: 0 });
  });

  it('follows the cursor to the end of a paste and back after deleting lines', () => {
    let state = pressIn(3, createTextEditor(''), 'a\nb\nc\nd\ne');
    expect(state).toMatchObject({ row: 4, scroll: 2 });
    state = pressIn(3, state, 'backspace', 'backspace', 'backspace', 'backspace');
    expect(state).toMatchObject({ row: 2, scroll: 0 });
  });

  it('fits a view that shrank, and treats a height under one as one', () => {
    const state = pressIn(10, numbered, 'ctrlEnd');
    expect(state).toMatchObject({ row: 19, scroll: 10 });
    expect(pressIn(4, state, 'escape')).toMatchObject({ scroll: 16 });
    expect(pressIn(0, numbered, 'down')).toMatchObject({ row: 1, scroll: 1 });
  });

  it('repairs a state built by hand: row out of range, column inside a surrogate pair', () => {
    expect(press({ lines: ['a😀'], row: 5, col: 2, scroll: 3 }, 'X')).toEqual({ lines: ['aX😀'], row: 0, col: 2, scroll: 0 });
    expect(press({ lines: [], row: 0, col: 0, scroll: 0 }, 'x')).toEqual({ lines: ['x'], row: 0, col: 1, scroll: 0 });
  });
});
