import { findConninfoPasswords } from './find-conninfo-passwords.js';

/** A password inside a text: its span [start, end), as written, and decoded (%XX or conninfo escapes). */
export interface PasswordSpan {
  start: number;
  end: number;
  raw: string;
  decoded: string;
}

const SCHEME = /[A-Za-z][A-Za-z0-9+.-]*:\/\//g;
/** Query parameters whose value is a credential (`?password=`, `?sslpassword=`, `?access_token=`, `?api_key=`...). */
const SECRET_PARAMETER = /pass|pwd|secret|token|key|signature/i;

/**
 * Finds the passwords in connection URLs and conninfo strings inside `text`:
 * the userinfo password of `scheme://user:password@host` (any scheme, also
 * inside `jdbc:postgresql://`), secret query parameters (`?password=...`), and
 * libpq conninfo `password=...`. With `loose`, also `user:password@host`
 * without a scheme (for texts known to be URLs that failed to parse).
 *
 * The userinfo ends at the last `@` before the first `/`, as libpq and the URL
 * standard read it; when no `@` comes before the first `/` but the text after
 * the first `:` is not a port number (`u:pa/ss@host`), the password runs to the
 * last `@` before `?`/`#`, so an unencoded `/` does not expose it. Spans may overlap.
 */
export function findUrlPasswords(text: string, options: { loose?: boolean } = {}): PasswordSpan[] {
  const spans: PasswordSpan[] = [];
  const add = (start: number, end: number, decode: (raw: string) => string): void => {
    if (end <= start) return;
    const raw = text.slice(start, end);
    spans.push({ start, end, raw, decoded: decode(raw) });
  };
  let sawScheme = false;
  for (const match of text.matchAll(SCHEME)) {
    sawScheme = true;
    const start = match.index + match[0].length;
    const end = findTokenEnd(text, start);
    const userinfoEnd = findUserinfoEnd(text, start, end);
    if (userinfoEnd !== -1) addUserinfoPassword(text, start, userinfoEnd, add);
    addQueryPasswords(text, userinfoEnd === -1 ? start : userinfoEnd, end, add);
  }
  for (const span of findConninfoPasswords(text)) spans.push(span);
  if (options.loose && !sawScheme) addLoosePasswords(text, add);
  return spans;
}

type AddSpan = (start: number, end: number, decode: (raw: string) => string) => void;

function findTokenEnd(text: string, from: number): number {
  const whitespace = /\s/g;
  whitespace.lastIndex = from;
  return whitespace.exec(text)?.index ?? text.length;
}

/** Index of the `@` that ends the userinfo of the URL body [start, end), or -1. */
function findUserinfoEnd(text: string, start: number, end: number): number {
  const slash = indexWithin(text, '/', start, end);
  const authorityEnd = slash === -1 ? end : slash;
  const at = text.lastIndexOf('@', authorityEnd - 1);
  if (at >= start) return at;
  // No `@` before the first `/`: an unencoded `/` in the password, unless the `:` starts a port.
  const colon = indexWithin(text, ':', start, authorityEnd);
  if (slash === -1 || colon === -1 || text[start] === '[' || /^\d*$/.test(text.slice(colon + 1, slash))) return -1;
  const query = text.slice(start, end).search(/[?#]/);
  const late = text.lastIndexOf('@', (query === -1 ? end : start + query) - 1);
  return late > slash ? late : -1;
}

function addUserinfoPassword(text: string, start: number, at: number, add: AddSpan): void {
  const colon = indexWithin(text, ':', start, at);
  if (colon !== -1) add(colon + 1, at, decodePercent);
}

function addQueryPasswords(text: string, from: number, end: number, add: AddSpan): void {
  const question = indexWithin(text, '?', from, end);
  if (question === -1) return;
  const hash = indexWithin(text, '#', question, end);
  const queryEnd = hash === -1 ? end : hash;
  for (let position = question + 1; position < queryEnd; ) {
    const ampersand = indexWithin(text, '&', position, queryEnd);
    const parameterEnd = ampersand === -1 ? queryEnd : ampersand;
    const equals = indexWithin(text, '=', position, parameterEnd);
    if (equals !== -1 && SECRET_PARAMETER.test(text.slice(position, equals))) add(equals + 1, parameterEnd, decodePercent);
    position = parameterEnd + 1;
  }
}

function addLoosePasswords(text: string, add: AddSpan): void {
  for (const token of text.matchAll(/\S+/g)) {
    const value = token[0];
    const firstAt = value.indexOf('@');
    if (firstAt === -1) continue;
    const slash = value.indexOf('/', firstAt);
    const at = value.lastIndexOf('@', (slash === -1 ? value.length : slash) - 1);
    const colon = value.indexOf(':');
    if (colon !== -1 && colon < at) add(token.index + colon + 1, token.index + at, decodePercent);
  }
}

function indexWithin(text: string, search: string, from: number, end: number): number {
  const index = text.indexOf(search, from);
  return index !== -1 && index < end ? index : -1;
}

/** `%XX` decoded; the text as written when it is not valid percent-encoding. */
export function decodePercent(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
