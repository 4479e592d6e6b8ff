import type { RawAttribute, ReadAttributesResult } from './raw-attribute.js';

class JsonSyntaxError {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;

/**
 * Reads a JSON object that starts at `start` (a `{`) and must end the text, keeping
 * where each top-level key, value and list element starts, so that problems can be
 * located. Hand-written because `JSON.parse` does not always say where it failed.
 */
export function readJsonAttributes(text: string, start: number): ReadAttributesResult {
  let index = start;
  const fail = (message: string, at = index): never => {
    throw new JsonSyntaxError(message, at);
  };
  const found = (): string => (index >= text.length ? 'the end' : JSON.stringify(text[index]));
  const skip = (): void => {
    while (index < text.length && /\s/.test(text[index] as string)) index += 1;
  };
  const expect = (char: string, what: string): void => {
    skip();
    if (text[index] !== char) fail(`expected ${what}, found ${found()}`);
    index += 1;
  };
  const readString = (): string => {
    const open = index;
    index += 1;
    let value = '';
    while (index < text.length && text[index] !== '"') {
      const char = text[index] as string;
      if (char === '\\') {
        const next = text[index + 1] ?? '';
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) {
          value += String.fromCharCode(parseInt(text.slice(index + 2, index + 6), 16));
          index += 6;
          continue;
        }
        const escaped = ESCAPES[next];
        if (escaped === undefined) fail(`invalid escape "\\${next}" in a JSON string (write "\\\\" for a backslash)`);
        value += escaped;
        index += 2;
        continue;
      }
      value += char;
      index += 1;
    }
    if (index >= text.length) fail('unterminated string (it needs a closing ")', open);
    index += 1;
    return value;
  };
  const readValue = (): unknown => {
    skip();
    const char = text[index];
    if (char === '"') return readString();
    if (char === '{') return readObject().value;
    if (char === '[') return readArray().value;
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, index)) {
        index += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = index;
    const number = NUMBER.exec(text);
    if (number) {
      index = NUMBER.lastIndex;
      return Number(number[0]);
    }
    return fail(`expected a value (a "string", number, true, false, null, list or object), found ${found()}`);
  };
  const readArray = (): { value: unknown[]; offsets: number[] } => {
    index += 1;
    const value: unknown[] = [];
    const offsets: number[] = [];
    skip();
    if (text[index] === ']') {
      index += 1;
      return { value, offsets };
    }
    for (;;) {
      skip();
      offsets.push(index);
      value.push(readValue());
      skip();
      if (text[index] === ']') break;
      expect(',', '"," or "]" in a list');
    }
    index += 1;
    return { value, offsets };
  };
  const readObject = (): { value: Record<string, unknown>; entries: RawAttribute[] } => {
    index += 1;
    const value: Record<string, unknown> = {};
    const entries: RawAttribute[] = [];
    skip();
    if (text[index] === '}') {
      index += 1;
      return { value, entries };
    }
    for (;;) {
      skip();
      if (text[index] !== '"') fail(`expected a "quoted" key, found ${found()}`);
      const keyOffset = index;
      const key = readString();
      expect(':', `":" after the key "${key}"`);
      skip();
      const valueOffset = index;
      const isArray = text[index] === '[';
      const array = isArray ? readArray() : null;
      const item = array ? array.value : readValue();
      value[key] = item;
      entries.push({ key, keyOffset, value: item, valueOffset, ...(array ? { itemOffsets: array.offsets } : {}) });
      skip();
      if (text[index] === '}') break;
      expect(',', '"," or "}" after a value');
    }
    index += 1;
    return { value, entries };
  };

  try {
    if (text[index] !== '{') fail(`expected "{", found ${found()}`);
    const { entries } = readObject();
    skip();
    if (index < text.length) fail(`unexpected ${found()} after the closing "}"`);
    return { entries: keepLast(entries), warnings: duplicates(entries) };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { entries: [], warnings: [], error: { message: `malformed JSON: ${error.message}`, offset: error.offset } };
  }
}

function keepLast(entries: RawAttribute[]): RawAttribute[] {
  return entries.filter((entry, i) => !entries.slice(i + 1).some((later) => later.key === entry.key));
}

function duplicates(entries: RawAttribute[]): { message: string; offset: number }[] {
  return entries
    .filter((entry, i) => entries.slice(0, i).some((earlier) => earlier.key === entry.key))
    .map((entry) => ({ message: `attribute "${entry.key}" is given more than once; the last one counts`, offset: entry.keyOffset }));
}
