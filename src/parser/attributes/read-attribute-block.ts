import { readJsonAttributes } from './read-json-attributes.js';
import { readSpacedAttributes } from './read-spaced-attributes.js';
import type { ReadAttributesResult } from './raw-attribute.js';

/**
 * Reads `{...}` between `start` (the `{`) and `end` (just past the `}`) of `text`:
 * JSON when the first thing inside is a `"` or the `}`, else the spaced syntax.
 */
export function readAttributeBlock(text: string, start: number, end: number): ReadAttributesResult {
  const inner = findContentStart(text, start + 1, end);
  if (text[inner] === '"' || inner === end - 1) return readJsonAttributes(text.slice(0, end), start);
  return readSpacedAttributes(text, start + 1, end - 1);
}

/** The index of the first non-space character in [start, end), or `end`. */
export function findContentStart(text: string, start: number, end: number): number {
  let index = start;
  while (index < end && /\s/.test(text[index] as string)) index += 1;
  return index;
}

/** The index just past the last non-space character in [start, end), or `start`. */
export function findContentEnd(text: string, start: number, end: number): number {
  let index = end;
  while (index > start && /\s/.test(text[index - 1] as string)) index -= 1;
  return index;
}
