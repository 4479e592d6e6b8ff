import { describe, expect, it } from 'vitest';
import { extractLastNumber } from '../../../src/parser/expectations/index.js';

describe('extractLastNumber', () => {
  it.each<[string, number | null]>([
    ['0.234\n', 0.234],
    ['42', 42],
    ['time_total: 0.234s', 0.234],
    ['disk usage 85%', 85],
    ['a 1\nb 2\nc 3\n', 3],
    ['3 then text\n\n', 3],
    ['delta -4.5', -4.5],
    ['+7', 7],
    ['1e3 ops', 1000],
    ['.5', 0.5],
    ['http2 v1 node18', null],
    ['no numbers here', null],
    ['', null],
    [' count \n-------\n    17\n(1 row)\n', 17],
    [' count \n-------\n    17\n(12 rows)\n\n', 17],
    ['(1 row)', null],
    ['range 10-20', 20],
    ['first 1\r\nsecond 2\r\n', 2],
  ])('%j gives %j', (text, number) => {
    expect(extractLastNumber(text)).toBe(number);
  });
});
