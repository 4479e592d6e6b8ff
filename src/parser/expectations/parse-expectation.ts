import {
  ExpectationSubjectSchema,
  type Expectation,
  type ExpectationOperator,
  type ExpectationSubject,
} from '../../model/expectation.js';
import { checkOperator, resolveLiteral } from './check-expectation-types.js';
import { readLiteral } from './read-literal.js';

/** Options of `parseExpectation`. */
export interface ParseExpectationOptions {
  /** Allow a leading cell name, as in a criterion's `check`: `api-latency value < 0.5`. Default false. */
  allowCellRef?: boolean;
}

/** The expectation, or what was expected at which 1-based column of `text`. */
export type ParseExpectationResult =
  | { ok: true; expectation: Expectation }
  | { ok: false; message: string; column: number };

const WORD = /[A-Za-z0-9_.:/-]+/y;
const OPERATOR_WORD = /[A-Za-z]+/y;
const SYMBOL_OPS = ['==', '!=', '<=', '>=', '<', '>'] as const;
const SUBJECTS = ExpectationSubjectSchema.options;
const EXPECTED_SUBJECT = `a subject (${SUBJECTS.join(', ')})`;
const EXPECTED_OPERATOR = 'an operator (==, !=, <, <=, >, >=, contains, matches)';

/**
 * Parses `[cell] subject op literal`, e.g. `exit == 0`, `stdout contains "ok"`,
 * `stdout matches /^v\d+/i`, `value < 80%`, `rows == 0`, `duration < 2s`.
 * A hand-written scanner: nothing is evaluated as code. See `resolveLiteral` for
 * which literals each subject and operator take.
 */
export function parseExpectation(text: string, options: ParseExpectationOptions = {}): ParseExpectationResult {
  const fail = (expected: string, offset: number): ParseExpectationResult => ({
    ok: false,
    message: `expected ${expected} at column ${offset + 1}, found ${describeAt(text, offset)}`,
    column: offset + 1,
  });
  const problem = (message: string, offset: number): ParseExpectationResult => ({
    ok: false,
    message: `${message} at column ${offset + 1}`,
    column: offset + 1,
  });

  const first = readWord(text, skipSpace(text, 0));
  let cell: string | undefined;
  let subject = first;
  if (options.allowCellRef === true && first.word !== '') {
    const second = readWord(text, skipSpace(text, first.end));
    if (isSubject(second.word)) {
      cell = first.word;
      subject = second;
    } else if (!isSubject(first.word)) {
      return fail(`${EXPECTED_SUBJECT} after the cell name`, second.start);
    }
  }
  if (!isSubject(subject.word)) return fail(options.allowCellRef === true ? `a cell name or ${EXPECTED_SUBJECT}` : EXPECTED_SUBJECT, subject.start);

  const opStart = skipSpace(text, subject.end);
  const op = readOperator(text, opStart);
  if ('expected' in op) return fail(op.expected, op.offset);
  const opProblem = checkOperator(subject.word, op.op);
  if (opProblem !== null) return problem(opProblem, opStart);

  const literalStart = skipSpace(text, op.end);
  if (literalStart >= text.length) return fail('a value (a number, a "string", a /regex/ or a duration such as 2s)', literalStart);
  const literal = readLiteral(text, literalStart);
  if (!literal.ok) return problem(literal.message, literal.offset);
  const value = resolveLiteral(subject.word, op.op, literal.token);
  if (!value.ok) return problem(value.message, literalStart);

  const rest = skipSpace(text, literal.end);
  if (rest < text.length) return fail('the end of the expectation', rest);
  const expectation: Expectation = { source: text.trim(), subject: subject.word, op: op.op, value: value.value };
  return { ok: true, expectation: cell === undefined ? expectation : { ...expectation, cell } };
}

function isSubject(word: string): word is ExpectationSubject {
  return (SUBJECTS as readonly string[]).includes(word);
}

function skipSpace(text: string, index: number): number {
  while (index < text.length && /\s/.test(text[index] as string)) index += 1;
  return index;
}

function readWord(text: string, start: number, pattern = WORD): { word: string; start: number; end: number } {
  pattern.lastIndex = start;
  const match = pattern.exec(text);
  return { word: match?.[0] ?? '', start, end: match ? pattern.lastIndex : start };
}

function readOperator(
  text: string,
  start: number,
): { op: ExpectationOperator; end: number } | { expected: string; offset: number } {
  const symbol = SYMBOL_OPS.find((candidate) => text.startsWith(candidate, start));
  if (symbol !== undefined) return { op: symbol, end: start + symbol.length };
  const word = readWord(text, start, OPERATOR_WORD);
  if (word.word === 'contains' || word.word === 'matches') return { op: word.word, end: word.end };
  if (word.word !== 'not') return { expected: EXPECTED_OPERATOR, offset: start };
  const nextStart = skipSpace(text, word.end);
  const next = readWord(text, nextStart, OPERATOR_WORD);
  if (nextStart === word.end || (next.word !== 'contains' && next.word !== 'matches')) {
    return { expected: 'contains or matches after "not"', offset: nextStart };
  }
  return { op: next.word === 'contains' ? 'not contains' : 'not matches', end: next.end };
}

function describeAt(text: string, offset: number): string {
  if (offset >= text.length) return 'the end';
  const token = /^(?:[A-Za-z0-9_.:/-]+|[=!<>]+|\S)/.exec(text.slice(offset))?.[0] ?? '';
  return `"${token}"${token === '=' ? ' (use == to compare)' : ''}`;
}
