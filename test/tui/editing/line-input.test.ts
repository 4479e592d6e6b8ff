import { describe, expect, it } from 'vitest';
import { createLineInput, editLineInput, maskLineInput, type InkKey, type LineInput } from '../../../src/tui/editing/index.js';

const NO_KEY: InkKey = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};

/** Keys as Ink 6 reports them (see ink/build/hooks/use-input.js and parse-keypress.js). */
const KEYS = {
  left: ['', { leftArrow: true }],
  right: ['', { rightArrow: true }],
  home: ['', { home: true }],
  end: ['', { end: true }],
  up: ['', { upArrow: true }],
  // The Backspace key sends 0x7f, which Ink names `delete`; Ctrl-H (0x08) is its `backspace`.
  backspace: ['', { delete: true }],
  ctrlH: ['', { backspace: true }],
  altBackspace: ['', { delete: true, meta: true }],
  ctrlLeft: ['', { leftArrow: true, ctrl: true }],
  ctrlRight: ['', { rightArrow: true, ctrl: true }],
  enter: ['\r', { return: true }],
  escape: ['', { escape: true, meta: true }],
  tab: ['', { tab: true }],
} satisfies Record<string, [string, Partial<InkKey>]>;

type KeyName = keyof typeof KEYS;

function press(state: LineInput, ...keys: Array<KeyName | string>): LineInput {
  return keys.reduce((current, name) => {
    if (Object.hasOwn(KEYS, name)) {
      const [input, key] = KEYS[name as KeyName];
      return editLineInput(current, input, { ...NO_KEY, ...key });
    }
    return editLineInput(current, name, NO_KEY);
  }, state);
}

function ctrl(state: LineInput, letter: string): LineInput {
  return editLineInput(state, letter, { ...NO_KEY, ctrl: true });
}

function alt(state: LineInput, letter: string): LineInput {
  return editLineInput(state, letter, { ...NO_KEY, meta: true });
}

/** The value with `|` at the cursor. */
function show(state: LineInput): string {
  return `${state.value.slice(0, state.cursor)}|${state.value.slice(state.cursor)}`;
}

describe('createLineInput', () => {
  it('starts empty, or with the value and the cursor at its end', () => {
    expect(createLineInput()).toEqual({ value: '', cursor: 0 });
    expect(createLineInput('db01')).toEqual({ value: 'db01', cursor: 4 });
  });

  it('cleans an initial value like pasted text', () => {
    expect(createLineInput('a\tb\nc\u001b[31m\n')).toEqual({ value: 'a b c[31m', cursor: 9 });
  });
});

describe('editLineInput: typing', () => {
  it('inserts typed characters at the cursor', () => {
    expect(show(press(createLineInput(), 'a', 'b', 'c', 'left', 'X'))).toBe('abX|c');
  });

  it('inserts a paste of several characters at once', () => {
    expect(show(press(createLineInput('ac'), 'left', 'bbb'))).toBe('abbb|c');
  });

  it('turns line breaks inside a paste into spaces and drops trailing ones', () => {
    expect(show(press(createLineInput(), 'one\ntwo\r\nthree\rfour\r\n'))).toBe('one two three four|');
  });

  it('never inserts control characters', () => {
    const state = createLineInput('ok');
    for (const input of ['\u0000', '\u0007', '\u001b', '\u001c', '\u007f', '\u0085', '\u009b', '\n', '\r']) {
      expect(press(state, input)).toBe(state);
    }
    expect(press(state, 'a\u0007b\u001b[0mc').value).toBe('okab[0mc');
  });

  it('turns a pasted tab into a space', () => {
    expect(press(createLineInput(), 'a\tb').value).toBe('a b');
  });

  it('leaves Enter, Esc, Tab and Up to the caller', () => {
    const state = createLineInput('x');
    for (const name of ['enter', 'escape', 'tab', 'up'] as const) expect(press(state, name)).toBe(state);
  });

  it('ignores Ctrl and Alt keys it does not know, without inserting their letter', () => {
    const state = createLineInput('x');
    expect(ctrl(state, 's')).toBe(state);
    expect(ctrl(state, 'c')).toBe(state);
    expect(alt(state, 'x')).toBe(state);
  });

  it('ignores key releases (kitty keyboard protocol)', () => {
    const state = createLineInput('x');
    expect(editLineInput(state, 'y', { ...NO_KEY, eventType: 'release' })).toBe(state);
  });

  it('inserts uppercase letters, which Ink reports with shift', () => {
    expect(editLineInput(createLineInput(), 'A', { ...NO_KEY, shift: true }).value).toBe('A');
  });
});

describe('editLineInput: moving', () => {
  it('moves left and right within bounds', () => {
    expect(show(press(createLineInput('ab'), 'left', 'left', 'left'))).toBe('|ab');
    expect(show(press(createLineInput('ab'), 'right'))).toBe('ab|');
  });

  it('goes to the start and end with Home/End and Ctrl-A/Ctrl-E', () => {
    expect(show(press(createLineInput('abc'), 'home'))).toBe('|abc');
    expect(show(press(createLineInput('abc'), 'home', 'end'))).toBe('abc|');
    expect(show(ctrl(createLineInput('abc'), 'a'))).toBe('|abc');
    expect(show(ctrl(ctrl(createLineInput('abc'), 'a'), 'e'))).toBe('abc|');
  });

  it('moves a character with Ctrl-B/Ctrl-F and a word with Ctrl-arrows and Alt-B/Alt-F', () => {
    expect(show(ctrl(createLineInput('ab'), 'b'))).toBe('a|b');
    expect(show(ctrl(ctrl(ctrl(createLineInput('ab'), 'b'), 'b'), 'f'))).toBe('a|b');
    const start = press(createLineInput('drop  table users'), 'home');
    expect(show(press(start, 'ctrlRight'))).toBe('drop|  table users');
    expect(show(press(start, 'ctrlRight', 'ctrlRight'))).toBe('drop  table| users');
    expect(show(press(createLineInput('drop  table users'), 'ctrlLeft', 'ctrlLeft'))).toBe('drop  |table users');
    expect(show(alt(createLineInput('drop table'), 'b'))).toBe('drop |table');
    expect(show(alt(press(createLineInput('drop table'), 'home'), 'f'))).toBe('drop| table');
  });
});

describe('editLineInput: deleting', () => {
  it('deletes before the cursor with Backspace (0x7f, key.delete) and Ctrl-H (key.backspace)', () => {
    expect(show(press(createLineInput('abc'), 'left', 'backspace'))).toBe('a|c');
    expect(show(press(createLineInput('abc'), 'ctrlH'))).toBe('ab|');
    const empty = createLineInput();
    expect(press(empty, 'backspace')).toBe(empty);
  });

  it('deletes after the cursor with Ctrl-D', () => {
    expect(show(ctrl(press(createLineInput('abc'), 'home'), 'd'))).toBe('|bc');
    const atEnd = createLineInput('abc');
    expect(ctrl(atEnd, 'd')).toBe(atEnd);
  });

  it('kills to the start with Ctrl-U and to the end with Ctrl-K', () => {
    expect(show(ctrl(press(createLineInput('abcd'), 'left'), 'u'))).toBe('|d');
    expect(show(ctrl(press(createLineInput('abcd'), 'left', 'left'), 'k'))).toBe('ab|');
  });

  it('deletes the word before the cursor with Ctrl-W and Alt-Backspace, and the word after with Alt-D', () => {
    expect(show(ctrl(createLineInput('drop table  '), 'w'))).toBe('drop |');
    expect(show(ctrl(ctrl(createLineInput('drop table'), 'w'), 'w'))).toBe('|');
    expect(show(ctrl(press(createLineInput('drop table users'), 'ctrlLeft'), 'w'))).toBe('drop |users');
    expect(show(press(createLineInput('a bc'), 'altBackspace'))).toBe('a |');
    expect(show(alt(press(createLineInput('drop table users'), 'home'), 'd'))).toBe('| table users');
  });
});

describe('editLineInput: surrogate pairs and emoji', () => {
  it('moves over and deletes an astral character as one (never inside a surrogate pair)', () => {
    const state = createLineInput('a😀b');
    expect(state.cursor).toBe(4);
    expect(show(press(state, 'left', 'left'))).toBe('a|😀b');
    expect(press(state, 'left', 'left').cursor).toBe(1);
    expect(show(press(state, 'left', 'backspace'))).toBe('a|b');
    expect(show(ctrl(press(state, 'home', 'right'), 'd'))).toBe('a|b');
  });

  it('treats an emoji sequence or a letter with a combining mark as one character', () => {
    const family = '👨‍👩‍👧';
    expect(press(createLineInput(`x${family}`), 'backspace').value).toBe('x');
    expect(press(createLineInput(`x${family}y`), 'home', 'right', 'right').cursor).toBe(1 + family.length);
    expect(press(createLineInput('ne\u0301'), 'backspace').value).toBe('n');
    expect(press(createLineInput('👍🏽'), 'left').cursor).toBe(0);
  });

  it('inserts pasted emoji whole and puts the cursor after them', () => {
    expect(show(press(createLineInput('ab'), 'left', '🎉🚀'))).toBe('a🎉🚀|b');
  });

  it('repairs a cursor set inside a surrogate pair before editing', () => {
    const inside: LineInput = { value: 'a😀b', cursor: 2 };
    expect(press(inside, 'X')).toEqual({ value: 'aX😀b', cursor: 2 });
    expect(press({ value: 'ab', cursor: 99 }, 'c')).toEqual({ value: 'abc', cursor: 3 });
  });
});

describe('maskLineInput', () => {
  it('shows one bullet per character, an emoji counting as one', () => {
    expect(maskLineInput(createLineInput())).toBe('');
    expect(maskLineInput(createLineInput('s3cr3t'))).toBe('••••••');
    expect(maskLineInput(createLineInput('p😀ss👨‍👩‍👧'))).toBe('•••••');
  });

  it('places the cursor when given the text before it', () => {
    const state = press(createLineInput('a😀bc'), 'left', 'left');
    expect(maskLineInput({ value: state.value.slice(0, state.cursor), cursor: state.cursor }).length).toBe(2);
  });
});
