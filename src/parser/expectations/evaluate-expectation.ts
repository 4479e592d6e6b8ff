import { formatDuration } from '../../model/duration.js';
import type {
  Expectation,
  ExpectationActual,
  ExpectationOperator,
  ExpectationResult,
} from '../../model/expectation.js';
import { formatExpectation } from './format-expectation.js';

const NUMERIC_TEXT = /^[-+]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const MAX_SHOWN = 200;

/**
 * Checks one expectation against what a cell produced. Pure. Text compared with
 * `==`/`!=` is trimmed first (like `capture`); `contains`/`matches` see it raw.
 * `value` compares as a number when the literal is one (numeric text such as
 * SQL's `"0.4"` is converted), else as text. A subject the cell did not
 * produce fails with actual `not available`.
 */
export function evaluateExpectation(expectation: Expectation, actual: ExpectationActual): ExpectationResult {
  const expected = formatExpectation(expectation);
  const observed = readSubject(expectation, actual);
  if (observed === undefined || observed === null) {
    return { passed: false, expected, actual: observed === null ? 'null' : 'not available' };
  }
  const { op, value: literal } = expectation;
  if (literal.kind === 'duration') {
    const ms = Number(observed);
    return { passed: compareNumbers(op, ms, literal.ms), expected, actual: formatDuration(ms) };
  }
  if (literal.kind === 'number') {
    const number = typeof observed === 'number' ? observed : NUMERIC_TEXT.test(observed.trim()) ? Number(observed) : NaN;
    if (Number.isNaN(number)) return { passed: false, expected, actual: `${showText(String(observed))} (not a number)` };
    return { passed: compareNumbers(op, number, literal.value), expected, actual: String(number) };
  }
  const text = String(observed);
  const shown = typeof observed === 'number' ? text : showText(text);
  if (literal.kind === 'regex') {
    // Like grep: ^ and $ match at every line's start and end (output ends with a newline).
    const flags = literal.flags.includes('m') ? literal.flags : `${literal.flags}m`;
    const found = new RegExp(literal.pattern, flags).test(text);
    return { passed: op === 'matches' ? found : !found, expected, actual: shown };
  }
  const passed =
    op === 'contains' ? text.includes(literal.value)
    : op === 'not contains' ? !text.includes(literal.value)
    : op === '==' ? text.trim() === literal.value
    : text.trim() !== literal.value;
  return { passed, expected, actual: shown };
}

function readSubject(expectation: Expectation, actual: ExpectationActual): string | number | null | undefined {
  switch (expectation.subject) {
    case 'exit':
      return actual.exitCode;
    case 'stdout':
      return actual.stdout;
    case 'stderr':
      return actual.stderr;
    case 'output':
      return actual.output ?? joinOutput(actual.stdout, actual.stderr);
    case 'value':
      return actual.value;
    case 'rows':
      return actual.rows;
    case 'duration':
      return actual.durationMs;
  }
}

function joinOutput(stdout: string | undefined, stderr: string | undefined): string | undefined {
  if (stdout === undefined || stderr === undefined) return stdout ?? stderr;
  if (stdout === '' || stderr === '') return stdout + stderr;
  return stdout.endsWith('\n') ? stdout + stderr : `${stdout}\n${stderr}`;
}

function compareNumbers(op: ExpectationOperator, left: number, right: number): boolean {
  switch (op) {
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    default:
      return false;
  }
}

function showText(text: string): string {
  return JSON.stringify(text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text);
}
