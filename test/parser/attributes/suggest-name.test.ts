import { expect, it } from 'vitest';
import { suggestName } from '../../../src/parser/attributes/suggest-name.js';

const KNOWN = ['name', 'skip', 'timeout', 'interactive', 'destructive', 'readonly', 'expect', 'tag'];

it.each<[string, string | null]>([
  ['timout', 'timeout'],
  ['nmae', 'name'],
  ['Interactiv', 'interactive'],
  ['read_only', 'readonly'],
  ['expects', 'expect'],
  ['tags', 'tag'],
  ['skp', 'skip'],
  ['colour', null],
  ['id', null],
  ['destroy', null],
])('%j suggests %j', (name, suggestion) => {
  expect(suggestName(name, KNOWN)).toBe(suggestion);
});
