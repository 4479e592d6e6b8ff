import type { ExpectationLiteral, ExpectationOperator, ExpectationSubject } from '../../model/expectation.js';
import type { LiteralToken } from './read-literal.js';

const ORDER_OPS: readonly ExpectationOperator[] = ['==', '!=', '<', '<=', '>', '>='];
const TEXT_OPS: readonly ExpectationOperator[] = ['==', '!=', 'contains', 'not contains', 'matches', 'not matches'];

/** Which operators each subject supports. `value` is a number or text, so it takes all of them. */
export const OPERATORS_BY_SUBJECT: Readonly<Record<ExpectationSubject, readonly ExpectationOperator[]>> = {
  exit: ORDER_OPS,
  rows: ORDER_OPS,
  duration: ORDER_OPS,
  stdout: TEXT_OPS,
  stderr: TEXT_OPS,
  output: TEXT_OPS,
  value: [...ORDER_OPS, 'contains', 'not contains', 'matches', 'not matches'],
};

const WHOLE_NUMBER_NOUN: Partial<Record<ExpectationSubject, string>> = { exit: 'exit codes', rows: 'row counts' };

/** Returns why `op` does not apply to `subject`, or null when it does. */
export function checkOperator(subject: ExpectationSubject, op: ExpectationOperator): string | null {
  const allowed = OPERATORS_BY_SUBJECT[subject];
  if (allowed.includes(op)) return null;
  const kind = ORDER_OPS.includes(op) ? 'text' : 'a number';
  return `${subject} is ${kind} and cannot be compared with "${op}" (use ${allowed.join(', ')})`;
}

/** Turns a scanned token into the literal stored for `subject op`, or says why it does not fit. */
export function resolveLiteral(
  subject: ExpectationSubject,
  op: ExpectationOperator,
  token: LiteralToken,
): { ok: true; value: ExpectationLiteral } | { ok: false; message: string } {
  const fail = (message: string) => ({ ok: false as const, message });
  if (op === 'contains' || op === 'not contains') {
    return token.kind === 'string' ? { ok: true, value: token } : fail(`"${op}" takes a "string"${token.kind === 'regex' ? ' (use matches for a /regex/)' : ''}`);
  }
  if (op === 'matches' || op === 'not matches') {
    return token.kind === 'regex' ? { ok: true, value: token } : fail(`"${op}" takes a /regex/${token.kind === 'string' ? ' (use contains for a "string")' : ''}`);
  }
  if (token.kind === 'regex') return fail(`"${op}" does not take a /regex/ (use matches)`);
  if (subject === 'duration') {
    if (token.kind === 'duration') return { ok: true, value: { kind: 'duration', ms: token.ms } };
    if (token.kind === 'number' && !token.percent && token.value >= 0) {
      return { ok: true, value: { kind: 'duration', ms: Math.round(token.value * 1000) } };
    }
    return fail('duration compares with a duration such as 2s or 500ms (a plain number means seconds)');
  }
  if (token.kind === 'duration') return fail(`a duration (${token.text}) only compares with duration`);
  if (subject === 'value') {
    if (token.kind === 'number') return { ok: true, value: { kind: 'number', value: token.value } };
    return op === '==' || op === '!=' ? { ok: true, value: token } : fail(`"${op}" compares numbers, found a string`);
  }
  const noun = WHOLE_NUMBER_NOUN[subject];
  if (noun !== undefined) {
    if (token.kind !== 'number') return fail(`${subject} compares with a whole number, found a string`);
    if (token.percent) return fail('a percentage only compares with value');
    if (!Number.isInteger(token.value)) return fail(`${noun} are whole numbers`);
    return { ok: true, value: { kind: 'number', value: token.value } };
  }
  // stdout, stderr, output with == or !=
  if (token.kind === 'string') return { ok: true, value: token };
  return fail(`${subject} is text: put the number in quotes ("${token.value}${token.percent ? '%' : ''}")`);
}
