import { parseDuration } from '../../model/duration.js';

/** A literal as scanned, before it is checked against the subject and operator. */
export type LiteralToken =
  | { kind: 'number'; value: number; percent: boolean }
  | { kind: 'duration'; ms: number; text: string }
  | { kind: 'string'; value: string }
  | { kind: 'regex'; pattern: string; flags: string };

/** A scan result: the token and the offset just past it, or a message at a 0-based offset. */
export type ReadResult =
  | { ok: true; token: LiteralToken; end: number }
  | { ok: false; message: string; offset: number };

const NUMBER = /-?(?:\d+(?:\.\d+)?|\.\d+)/y;
const UNIT_RUN = /[A-Za-z][A-Za-z0-9.]*/y;
const ALLOWED_FLAGS = 'imsu';
const STRING_ESCAPES: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', n: '\n', t: '\t' };

/** Scans the literal that starts at `start`: a number, `80%`, a duration, a quoted string or a `/regex/flags`. */
export function readLiteral(text: string, start: number): ReadResult {
  const char = text[start];
  if (char === '"' || char === "'") return readString(text, start, char);
  if (char === '/') return readRegex(text, start);
  NUMBER.lastIndex = start;
  const number = NUMBER.exec(text);
  if (!number) return { ok: false, message: 'expected a value (a number, a "string", a /regex/ or a duration such as 2s)', offset: start };
  let end = NUMBER.lastIndex;
  if (text[end] === '%') return { ok: true, token: { kind: 'number', value: Number(number[0]), percent: true }, end: end + 1 };
  UNIT_RUN.lastIndex = end;
  const unit = UNIT_RUN.exec(text);
  if (!unit) return { ok: true, token: { kind: 'number', value: Number(number[0]), percent: false }, end };
  end = UNIT_RUN.lastIndex;
  const durationText = text.slice(start, end);
  if (durationText.startsWith('-')) return { ok: false, message: `a duration cannot be negative ("${durationText}")`, offset: start };
  const ms = parseDuration(durationText);
  if (ms === null) {
    return { ok: false, message: `"${durationText}" is neither a number nor a duration (such as 500ms, 2s, 5m, 1h30m)`, offset: start };
  }
  return { ok: true, token: { kind: 'duration', ms, text: durationText }, end };
}

function readString(text: string, start: number, quote: string): ReadResult {
  let value = '';
  for (let index = start + 1; index < text.length; index += 1) {
    const char = text[index] as string;
    if (char === quote) return { ok: true, token: { kind: 'string', value }, end: index + 1 };
    if (char !== '\\') {
      value += char;
      continue;
    }
    const escaped = STRING_ESCAPES[text[index + 1] ?? ''];
    if (escaped === undefined) {
      return { ok: false, message: `unknown escape "\\${text[index + 1] ?? ''}" in a string (known: \\${quote} \\\\ \\n \\t)`, offset: index };
    }
    value += escaped;
    index += 1;
  }
  return { ok: false, message: `unterminated string (it needs a closing ${quote})`, offset: start };
}

function readRegex(text: string, start: number): ReadResult {
  let inClass = false;
  let index = start + 1;
  for (; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\\') index += 1;
    else if (char === '[') inClass = true;
    else if (char === ']') inClass = false;
    else if (char === '/' && !inClass) break;
  }
  if (index >= text.length) return { ok: false, message: 'unterminated regex (it needs a closing /)', offset: start };
  const pattern = text.slice(start + 1, index);
  if (pattern === '') return { ok: false, message: 'empty regex', offset: start };
  let end = index + 1;
  let flags = '';
  for (; end < text.length && /[A-Za-z]/.test(text[end] as string); end += 1) {
    const flag = text[end] as string;
    if (!ALLOWED_FLAGS.includes(flag) || flags.includes(flag)) {
      const why = flags.includes(flag) ? 'repeated' : 'unsupported';
      return { ok: false, message: `${why} regex flag "${flag}" (allowed: i, m, s, u)`, offset: end };
    }
    flags += flag;
  }
  try {
    new RegExp(pattern, flags);
  } catch (error) {
    const reason = (error as Error).message.split(': ').pop() ?? 'invalid';
    return { ok: false, message: `invalid regex: ${reason}`, offset: start };
  }
  return { ok: true, token: { kind: 'regex', pattern, flags }, end };
}
