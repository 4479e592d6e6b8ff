import { LIST_KEYS, type RawAttribute, type ReadAttributesResult } from './raw-attribute.js';

const KEY = /[A-Za-z_][A-Za-z0-9_.\-/]*/y;

/**
 * Reads Runme's spaced syntax between `start` and `end` of `text`:
 * `name=x interactive=false expect="rows == 0" cwd='/tmp/a b' readonly`.
 * Values are bare words or quoted with `"` (escapes `\"` and `\\`; other
 * backslashes stay) or `'` (no escapes). A bare key means true. Repeated
 * `expect`, `needs` and `tag` add up; other repeats: the last one counts.
 */
export function readSpacedAttributes(text: string, start: number, end: number): ReadAttributesResult {
  const entries: RawAttribute[] = [];
  const warnings: ReadAttributesResult['warnings'] = [];
  let index = start;
  const fail = (message: string, offset: number): ReadAttributesResult => ({
    entries: [],
    warnings: [],
    error: { message: `malformed attributes: ${message}`, offset },
  });
  const isSpace = (at: number): boolean => at >= end || /\s/.test(text[at] as string);
  for (;;) {
    while (index < end && isSpace(index)) index += 1;
    if (index >= end) break;
    KEY.lastIndex = index;
    const key = KEY.exec(text)?.[0];
    if (key === undefined || KEY.lastIndex > end) {
      return fail(`expected an attribute name (as in name=value), found ${JSON.stringify(text[index])}`, index);
    }
    const keyOffset = index;
    index += key.length;
    let value: string | true = true;
    const valueOffset = text[index] === '=' ? index + 1 : keyOffset;
    if (text[index] === '=') {
      const read = readValue(text, index + 1, end);
      if ('message' in read) return fail(read.message, read.offset);
      value = read.value;
      index = read.end;
      if (!isSpace(index)) return fail(`expected a space after the value of "${key}", found ${JSON.stringify(text[index])}`, index);
    } else if (!isSpace(index)) {
      return fail(`expected "=" or a space after "${key}", found ${JSON.stringify(text[index])}`, index);
    }
    const previous = entries.find((entry) => entry.key === key);
    if (previous && LIST_KEYS.has(key)) {
      previous.value = [...(previous.value as unknown[]), value];
      previous.itemOffsets = [...(previous.itemOffsets ?? []), valueOffset];
      continue;
    }
    if (previous) {
      warnings.push({ message: `attribute "${key}" is given more than once; the last one counts`, offset: keyOffset });
      entries.splice(entries.indexOf(previous), 1);
    }
    const listed = LIST_KEYS.has(key);
    entries.push({ key, keyOffset, value: listed ? [value] : value, valueOffset, ...(listed ? { itemOffsets: [valueOffset] } : {}) });
  }
  return { entries, warnings };
}

function readValue(text: string, start: number, end: number): { value: string; end: number } | { message: string; offset: number } {
  const quote = text[start];
  if (quote !== '"' && quote !== "'") {
    let index = start;
    while (index < end && !/\s/.test(text[index] as string)) index += 1;
    return { value: text.slice(start, index), end: index };
  }
  let value = '';
  for (let index = start + 1; index < end; index += 1) {
    const char = text[index] as string;
    if (char === quote) return { value, end: index + 1 };
    const next = text[index + 1];
    if (quote === '"' && char === '\\' && (next === '"' || next === '\\')) {
      value += next;
      index += 1;
    } else {
      value += char;
    }
  }
  return { message: `unterminated value (it needs a closing ${quote})`, offset: start };
}
