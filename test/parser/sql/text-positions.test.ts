import { expect, test } from 'vitest';
import { createLineIndex, createUtf8Index } from '../../../src/parser/sql/text-positions.js';

test('byte offsets and code point counts map to UTF-16 indices', () => {
  // a (1 byte) é (2 bytes) 漢 (3 bytes) 😀 (4 bytes, 2 UTF-16 units) b
  const text = 'aé漢😀b';
  const index = createUtf8Index(text);
  expect([0, 1, 3, 6, 10].map(index.fromByte)).toEqual([0, 1, 2, 3, 5]);
  expect(index.fromByte(11)).toBe(6);
  expect([0, 1, 2, 3, 4, 5].map(index.fromCodePoint)).toEqual([0, 1, 2, 3, 5, 6]);
  expect(index.fromCodePoint(99)).toBe(text.length);
});

test('lines and columns are 1-based and accept \\n, \\r\\n and \\r', () => {
  const locate = createLineIndex('ab\ncd\r\nef\rgh');
  expect(locate(0)).toEqual({ line: 1, column: 1 });
  expect(locate(4)).toEqual({ line: 2, column: 2 });
  expect(locate(7)).toEqual({ line: 3, column: 1 });
  expect(locate(10)).toEqual({ line: 4, column: 1 });
});
