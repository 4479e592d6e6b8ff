import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Expectation } from '../../../src/model/expectation.js';
import { formatExpectation, parseExpectation } from '../../../src/parser/expectations/index.js';

type Value = Expectation['value'];
const num = (value: number): Value => ({ kind: 'number', value });
const str = (value: string): Value => ({ kind: 'string', value });
const re = (pattern: string, flags = ''): Value => ({ kind: 'regex', pattern, flags });
const dur = (ms: number): Value => ({ kind: 'duration', ms });

describe('parseExpectation: valid expectations', () => {
  it.each<[string, Expectation['subject'], Expectation['op'], Value]>([
    ['exit == 0', 'exit', '==', num(0)],
    ['exit != 0', 'exit', '!=', num(0)],
    ['exit==0', 'exit', '==', num(0)],
    ['  exit   >=   2  ', 'exit', '>=', num(2)],
    ['exit > -1', 'exit', '>', num(-1)],
    ['exit <= 1', 'exit', '<=', num(1)],
    ['rows == 0', 'rows', '==', num(0)],
    ['rows > 10', 'rows', '>', num(10)],
    ['rows<5', 'rows', '<', num(5)],
    ['value < 0.5', 'value', '<', num(0.5)],
    ['value < .5', 'value', '<', num(0.5)],
    ['value >= -2.75', 'value', '>=', num(-2.75)],
    ['value < 80%', 'value', '<', num(80)],
    ['value == 100', 'value', '==', num(100)],
    ['value == "active"', 'value', '==', str('active')],
    ['value != "x"', 'value', '!=', str('x')],
    ['value contains "ok"', 'value', 'contains', str('ok')],
    ['value matches /^v\\d+$/', 'value', 'matches', re('^v\\d+$')],
    ['value not matches /x/', 'value', 'not matches', re('x')],
    ['stdout contains "ok"', 'stdout', 'contains', str('ok')],
    ['stdout contains"ok"', 'stdout', 'contains', str('ok')],
    ['stdout not contains "ERROR"', 'stdout', 'not contains', str('ERROR')],
    ['stdout not   contains "x"', 'stdout', 'not contains', str('x')],
    ['stderr == ""', 'stderr', '==', str('')],
    ['output != "x"', 'output', '!=', str('x')],
    ['stdout contains "say \\"hi\\""', 'stdout', 'contains', str('say "hi"')],
    ['stdout contains "back\\\\slash"', 'stdout', 'contains', str('back\\slash')],
    ['stdout contains "a\\tb\\n"', 'stdout', 'contains', str('a\tb\n')],
    ["stdout contains 'single \"quoted\"'", 'stdout', 'contains', str('single "quoted"')],
    ["stdout contains 'it\\'s'", 'stdout', 'contains', str("it's")],
    ['stdout contains "=="', 'stdout', 'contains', str('==')],
    ['stdout matches /^ok$/', 'stdout', 'matches', re('^ok$')],
    ['stdout matches /a\\/b/', 'stdout', 'matches', re('a\\/b')],
    ['stdout matches /a[/]b/', 'stdout', 'matches', re('a[/]b')],
    ['stdout matches /x/imsu', 'stdout', 'matches', re('x', 'imsu')],
    ['stderr not matches /warn/i', 'stderr', 'not matches', re('warn', 'i')],
    ['duration < 2s', 'duration', '<', dur(2000)],
    ['duration <= 500ms', 'duration', '<=', dur(500)],
    ['duration < 1h30m', 'duration', '<', dur(5_400_000)],
    ['duration < 1.5s', 'duration', '<', dur(1500)],
    ['duration < 5', 'duration', '<', dur(5000)],
    ['duration > 0.25', 'duration', '>', dur(250)],
  ])('%s', (text, subject, op, value) => {
    expect(parseExpectation(text)).toEqual({ ok: true, expectation: { source: text.trim(), subject, op, value } });
  });
});

describe('parseExpectation: cell references (criteria checks)', () => {
  it.each<[string, string | undefined, Expectation['subject']]>([
    ['api-latency value < 0.5', 'api-latency', 'value'],
    ['db:primary/check_1.v2 rows == 0', 'db:primary/check_1.v2', 'rows'],
    ['value < 0.5', undefined, 'value'],
    ['rows rows == 0', 'rows', 'rows'],
    ['exit value < 1', 'exit', 'value'],
  ])('%s', (text, cell, subject) => {
    const result = parseExpectation(text, { allowCellRef: true });
    expect(result.ok && result.expectation.cell).toBe(cell ?? undefined);
    expect(result.ok && result.expectation.subject).toBe(subject);
  });

  it('refuses a cell name unless allowed', () => {
    expect(parseExpectation('api-latency value < 0.5')).toEqual({
      ok: false,
      message: 'expected a subject (exit, stdout, stderr, output, value, rows, duration) at column 1, found "api-latency"',
      column: 1,
    });
  });

  it.each([
    ['api-latency', 'expected a subject (exit, stdout, stderr, output, value, rows, duration) after the cell name at column 12, found the end', 12],
    ['api-latency speed < 1', 'expected a subject (exit, stdout, stderr, output, value, rows, duration) after the cell name at column 13, found "speed"', 13],
    ['"x" == 1', 'expected a cell name or a subject (exit, stdout, stderr, output, value, rows, duration) at column 1, found """', 1],
  ])('%s fails', (text, message, column) => {
    expect(parseExpectation(text, { allowCellRef: true })).toEqual({ ok: false, message, column });
  });
});

const SUBJECTS = '(exit, stdout, stderr, output, value, rows, duration)';
const OPERATORS = '(==, !=, <, <=, >, >=, contains, matches)';
const VALUE = 'a value (a number, a "string", a /regex/ or a duration such as 2s)';

describe('parseExpectation: errors say what was expected where', () => {
  it.each([
    ['', `expected a subject ${SUBJECTS} at column 1, found the end`, 1],
    ['   ', `expected a subject ${SUBJECTS} at column 4, found the end`, 4],
    ['status == 0', `expected a subject ${SUBJECTS} at column 1, found "status"`, 1],
    ['Exit == 0', `expected a subject ${SUBJECTS} at column 1, found "Exit"`, 1],
    ['== 0', `expected a subject ${SUBJECTS} at column 1, found "=="`, 1],
    ['exit', `expected an operator ${OPERATORS} at column 5, found the end`, 5],
    ['exit = 0', `expected an operator ${OPERATORS} at column 6, found "=" (use == to compare)`, 6],
    ['exit is 0', `expected an operator ${OPERATORS} at column 6, found "is"`, 6],
    ['stdout containing "x"', `expected an operator ${OPERATORS} at column 8, found "containing"`, 8],
    ['stdout not "x"', 'expected contains or matches after "not" at column 12, found """', 12],
    ['stdout not', 'expected contains or matches after "not" at column 11, found the end', 11],
    ['exit ==', `expected ${VALUE} at column 8, found the end`, 8],
    ['exit == ', `expected ${VALUE} at column 9, found the end`, 9],
    ['exit == 0 1', 'expected the end of the expectation at column 11, found "1"', 11],
    ['exit == 0 and rows == 0', 'expected the end of the expectation at column 11, found "and"', 11],
    ['stdout contains "x" y', 'expected the end of the expectation at column 21, found "y"', 21],
    ['exit == 0.', 'expected the end of the expectation at column 10, found "."', 10],
    ['exit === 0', `expected ${VALUE} at column 8`, 8],
    ['value < abc', `expected ${VALUE} at column 9`, 9],
    // operator does not fit the subject: located at the operator
    ['stdout < 3', 'stdout is text and cannot be compared with "<" (use ==, !=, contains, not contains, matches, not matches) at column 8', 8],
    ['stderr >= "a"', 'stderr is text and cannot be compared with ">=" (use ==, !=, contains, not contains, matches, not matches) at column 8', 8],
    ['rows contains "x"', 'rows is a number and cannot be compared with "contains" (use ==, !=, <, <=, >, >=) at column 6', 6],
    ['exit matches /1/', 'exit is a number and cannot be compared with "matches" (use ==, !=, <, <=, >, >=) at column 6', 6],
    ['duration not contains "s"', 'duration is a number and cannot be compared with "not contains" (use ==, !=, <, <=, >, >=) at column 10', 10],
    // literal does not fit: located at the literal
    ['exit == "x"', 'exit compares with a whole number, found a string at column 9', 9],
    ['exit == 1.5', 'exit codes are whole numbers at column 9', 9],
    ['rows > 2.5', 'row counts are whole numbers at column 8', 8],
    ['exit == 5%', 'a percentage only compares with value at column 9', 9],
    ['exit < 2s', 'a duration (2s) only compares with duration at column 8', 8],
    ['value < 2s', 'a duration (2s) only compares with duration at column 9', 9],
    ['value < "3"', '"<" compares numbers, found a string at column 9', 9],
    ['value == /x/', '"==" does not take a /regex/ (use matches) at column 10', 10],
    ['stdout == 3', 'stdout is text: put the number in quotes ("3") at column 11', 11],
    ['stdout contains 3', '"contains" takes a "string" at column 17', 17],
    ['stdout contains /x/', '"contains" takes a "string" (use matches for a /regex/) at column 17', 17],
    ['stdout matches "x"', '"matches" takes a /regex/ (use contains for a "string") at column 16', 16],
    ['duration < "2s"', 'duration compares with a duration such as 2s or 500ms (a plain number means seconds) at column 12', 12],
    ['duration < -1', 'duration compares with a duration such as 2s or 500ms (a plain number means seconds) at column 12', 12],
    ['duration < 50%', 'duration compares with a duration such as 2s or 500ms (a plain number means seconds) at column 12', 12],
    // literal syntax
    ['duration < 2x', '"2x" is neither a number nor a duration (such as 500ms, 2s, 5m, 1h30m) at column 12', 12],
    ['duration < 5M', '"5M" is neither a number nor a duration (such as 500ms, 2s, 5m, 1h30m) at column 12', 12],
    ['value < 1e3', '"1e3" is neither a number nor a duration (such as 500ms, 2s, 5m, 1h30m) at column 9', 9],
    ['duration < -2s', 'a duration cannot be negative ("-2s") at column 12', 12],
    ['stdout contains "abc', 'unterminated string (it needs a closing ") at column 17', 17],
    ["stdout contains 'abc", "unterminated string (it needs a closing ') at column 17", 17],
    ['stdout contains "a\\qb"', 'unknown escape "\\q" in a string (known: \\" \\\\ \\n \\t) at column 19', 19],
    ['stdout matches /abc', 'unterminated regex (it needs a closing /) at column 16', 16],
    ['stdout matches /a[/', 'unterminated regex (it needs a closing /) at column 16', 16],
    ['stdout matches //', 'empty regex at column 16', 16],
    ['stdout matches /x/g', 'unsupported regex flag "g" (allowed: i, m, s, u) at column 19', 19],
    ['stdout matches /x/iy', 'unsupported regex flag "y" (allowed: i, m, s, u) at column 20', 20],
    ['stdout matches /x/ii', 'repeated regex flag "i" (allowed: i, m, s, u) at column 20', 20],
    ['stdout matches /(/', 'invalid regex: Unterminated group at column 16', 16],
    ['stdout matches /a{2,1}/', 'invalid regex: numbers out of order in {} quantifier at column 16', 16],
    ['stdout matches /\\p{Nope}/u', 'invalid regex: Invalid property name at column 16', 16],
  ])('%j', (text, message, column) => {
    expect(parseExpectation(text)).toEqual({ ok: false, message, column });
  });

  it('never evaluates the text as code', () => {
    const sneaky = 'stdout contains "${process.exit(1)}"';
    const result = parseExpectation(sneaky);
    expect(result.ok && result.expectation.value).toEqual(str('${process.exit(1)}'));
  });
});

describe('parseExpectation: robustness', () => {
  it('never throws, and errors point inside the text or just past it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('exit == ', 'stdout matches /', 'value < ', 'rows ', 'stdout not ').chain((head) => fc.string({ maxLength: 12 }).map((tail) => head + tail))), (text) => {
        const result = parseExpectation(text, { allowCellRef: text.length % 2 === 0 });
        if (!result.ok) {
          expect(result.column).toBeGreaterThanOrEqual(1);
          expect(result.column).toBeLessThanOrEqual(text.length + 1);
          expect(result.message).toContain(`at column ${result.column}`);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    'exit == 0',
    'api value < 0.5',
    'stdout contains "say \\"hi\\"\\n"',
    'stdout not matches /^a\\/b$/im',
    'duration < 1h30m',
    'duration >= 1.5',
    'value < 80%',
  ])('formatExpectation(%j) parses back to the same expectation', (text) => {
    const first = parseExpectation(text, { allowCellRef: true });
    if (!first.ok) throw new Error(first.message);
    const second = parseExpectation(formatExpectation(first.expectation), { allowCellRef: true });
    expect(second.ok && { ...second.expectation, source: '' }).toEqual({ ...first.expectation, source: '' });
  });
});
