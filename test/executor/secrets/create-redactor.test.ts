import { describe, expect, it } from 'vitest';
import { createRedactor, REDACTED } from '../../../src/executor/secrets/index.js';

const R = REDACTED;

/** Pushes each chunk, returning what each push gave and then what the flush gave. */
function stream(secrets: string[], chunks: string[]): string[] {
  const redactor = createRedactor(secrets);
  const s = redactor.createStream();
  return [...chunks.map((chunk) => s.push(chunk)), s.flush()];
}

describe('createRedactor().redact', () => {
  it('replaces every occurrence of every secret', () => {
    const redactor = createRedactor(['hunter2', 'tok_123']);
    expect(redactor.redact('pw=hunter2 again hunter2, token tok_123.')).toBe(`pw=${R} again ${R}, token ${R}.`);
    expect(redactor.redact('nothing secret here')).toBe('nothing secret here');
  });

  it('hides overlapping secrets under one marker, so no suffix leaks', () => {
    expect(createRedactor(['abc', 'bcd']).redact('xabcdx')).toBe(`x${R}x`);
    expect(createRedactor(['pass', 'password']).redact('my password!')).toBe(`my ${R}!`);
    expect(createRedactor(['word', 'password']).redact('password')).toBe(R);
    expect(createRedactor(['aa']).redact('aaaaa b aa')).toBe(`${R} b ${R}`);
  });

  it('gives touching occurrences one marker each', () => {
    expect(createRedactor(['s3']).redact('s3s3')).toBe(`${R}${R}`);
    expect(createRedactor(['ab', 'cd']).redact('abcd')).toBe(`${R}${R}`);
  });

  it('matches secrets with regular-expression characters literally', () => {
    const secrets = ['a.c', '$1', '(x|y)', '\\d+', '[z]', '^*?{2}'];
    const redactor = createRedactor(secrets);
    expect(redactor.redact('abc a.c $1 $2 (x|y) x \\d+ 5 [z] z ^*?{2}')).toBe(`abc ${R} ${R} $2 ${R} x ${R} 5 ${R} z ${R}`);
  });

  it('is case-sensitive, and handles non-ASCII secrets', () => {
    expect(createRedactor(['Secret']).redact('secret Secret SECRET')).toBe(`secret ${R} SECRET`);
    expect(createRedactor(['pässwörd😀']).redact('x pässwörd😀 y')).toBe(`x ${R} y`);
  });

  it('redacts even one-character secrets, everywhere (security over readability)', () => {
    expect(createRedactor(['7']).redact('port 5477, pid 7')).toBe(`port 54${R}${R}, pid ${R}`);
  });

  it('ignores empty and repeated secrets, and lists them longest first', () => {
    const redactor = createRedactor(['', 'bb', 'a', 'ccc', 'bb']);
    expect(redactor.secrets).toEqual(['ccc', 'bb', 'a']);
    expect(createRedactor(['']).redact('text')).toBe('text');
    expect(createRedactor([]).redact('text')).toBe('text');
  });
});

describe('createRedactor().createStream', () => {
  it('redacts a secret split across chunks', () => {
    expect(stream(['password'], ['my pass', 'word!'])).toEqual(['my ', `${R}!`, '']);
    expect(stream(['hunter2'], ['h', 'u', 'n', 't', 'e', 'r', '2', '.'])).toEqual(['', '', '', '', '', '', R, '.', '']);
    expect(stream(['abcdef'], ['xxab', 'cd', 'ef', 'yy'])).toEqual(['xx', '', R, 'yy', '']);
  });

  it('holds back only what could still start a secret', () => {
    const s = createRedactor(['password', 'token']).createStream();
    expect(s.push('no secrets here')).toBe('no secrets here');
    expect(s.heldLength).toBe(0);
    expect(s.push(' my pa')).toBe(' my ');
    expect(s.heldLength).toBe(2);
    expect(s.push('ss')).toBe('');
    expect(s.heldLength).toBe(4);
    expect(s.push('port')).toBe('passpor');
    expect(s.heldLength).toBe(1);
    expect(s.push(' tok')).toBe('t ');
    expect(s.heldLength).toBe(3);
    expect(s.flush()).toBe('tok');
    expect(s.heldLength).toBe(0);
  });

  it('holds nothing back when every secret is one character long', () => {
    expect(stream(['x'], ['axb', 'x', 'c'])).toEqual([`a${R}b`, R, 'c', '']);
  });

  it('keeps a marker whole when a run of overlapping secrets spans chunks', () => {
    expect(stream(['aa'], ['xaa', 'aa', 'ay'])).toEqual([`x${R}`, '', 'y', '']);
    expect(stream(['aa'], ['xa', 'a', 'a', 'a|a', 'a'])).toEqual(['x', R, '', `|`, R, '']);
    expect(stream(['b', 'abc'], ['a', 'b', 'c'])).toEqual(['', '', R, '']);
    expect(stream(['b', 'abc'], ['a', 'b', 'x'])).toEqual(['', '', `a${R}x`, '']);
  });

  it('never splits a surrogate pair between two pushes', () => {
    const s = createRedactor(['😀😀']).createStream();
    const a = s.push('x😀');
    expect(a).toBe('x');
    expect(s.push('\uD83D')).toBe('');
    expect(s.push('\uDE01 done')).toBe('😀😁 done');
    const t = createRedactor(['\uDE00!']).createStream();
    expect(t.push('a😀')).toBe('a');
    expect(t.push('!')).toBe(`\uD83D${R}`);
  });

  it('starts afresh after a flush, and can be used again', () => {
    const s = createRedactor(['secret']).createStream();
    expect(s.push('a sec')).toBe('a ');
    expect(s.flush()).toBe('sec');
    expect(s.push('ret')).toBe('ret');
    expect(s.push(' secret')).toBe(` ${R}`);
    expect(s.flush()).toBe('');
  });

  it('gives back what it got when there are no secrets', () => {
    expect(stream([], ['a', 'bc', ''])).toEqual(['a', 'bc', '', '']);
  });
});
