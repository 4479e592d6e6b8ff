import { describe, expect, it } from 'vitest';
import type { ExpectationActual } from '../../../src/model/expectation.js';
import { evaluateExpectation, parseExpectation } from '../../../src/parser/expectations/index.js';

function evaluate(text: string, actual: ExpectationActual) {
  const parsed = parseExpectation(text, { allowCellRef: true });
  if (!parsed.ok) throw new Error(`test expectation does not parse: ${parsed.message}`);
  return evaluateExpectation(parsed.expectation, actual);
}

describe('evaluateExpectation', () => {
  it.each<[string, ExpectationActual, boolean, string, string]>([
    // exit
    ['exit == 0', { exitCode: 0 }, true, 'exit == 0', '0'],
    ['exit == 0', { exitCode: 1 }, false, 'exit == 0', '1'],
    ['exit != 0', { exitCode: 2 }, true, 'exit != 0', '2'],
    ['exit >= 2', { exitCode: 1 }, false, 'exit >= 2', '1'],
    ['exit == 0', { exitCode: null }, false, 'exit == 0', 'null'],
    ['exit == 0', {}, false, 'exit == 0', 'not available'],
    // text, trimmed for == and !=, raw for contains and matches
    ['stdout == "ok"', { stdout: 'ok\n' }, true, 'stdout == "ok"', '"ok\\n"'],
    ['stdout != "ok"', { stdout: '  ok  ' }, false, 'stdout != "ok"', '"  ok  "'],
    ['stdout contains "ready"', { stdout: 'server ready\n' }, true, 'stdout contains "ready"', '"server ready\\n"'],
    ['stdout contains "Ready"', { stdout: 'server ready\n' }, false, 'stdout contains "Ready"', '"server ready\\n"'],
    ['stdout not contains "ERROR"', { stdout: 'fine' }, true, 'stdout not contains "ERROR"', '"fine"'],
    ['stdout not contains "ERROR"', { stdout: 'ERROR: x' }, false, 'stdout not contains "ERROR"', '"ERROR: x"'],
    ['stdout matches /^v\\d+\\.\\d+/', { stdout: 'v1.2.3' }, true, 'stdout matches /^v\\d+\\.\\d+/', '"v1.2.3"'],
    ['stdout matches /READY/i', { stdout: 'ready' }, true, 'stdout matches /READY/i', '"ready"'],
    ['stdout matches /^b$/m', { stdout: 'a\nb\nc' }, true, 'stdout matches /^b$/m', '"a\\nb\\nc"'],
    ['stdout not matches /fail/', { stdout: 'failed' }, false, 'stdout not matches /fail/', '"failed"'],
    ['stderr == ""', { stderr: '' }, true, 'stderr == ""', '""'],
    ['stderr contains "warn"', { stdout: 'warn' }, false, 'stderr contains "warn"', 'not available'],
    ['output contains "b"', { stdout: 'a', stderr: 'b' }, true, 'output contains "b"', '"a\\nb"'],
    ['output matches /a\\nb/', { stdout: 'a', stderr: 'b' }, true, 'output matches /a\\nb/', '"a\\nb"'],
    ['output contains "x"', { stdout: 'a', output: 'interleaved x' }, true, 'output contains "x"', '"interleaved x"'],
    // value: numbers, numeric text, percentages, text
    ['value < 0.5', { value: 0.234 }, true, 'value < 0.5', '0.234'],
    ['value < 0.5', { value: '0.75' }, false, 'value < 0.5', '0.75'],
    ['value < 0.5', { value: ' 0.4 ' }, true, 'value < 0.5', '0.4'],
    ['value < 80%', { value: 85 }, false, 'value < 80', '85'],
    ['value == 3', { value: '3.0' }, true, 'value == 3', '3'],
    ['value < 0.5', { value: 'abc' }, false, 'value < 0.5', '"abc" (not a number)'],
    ['value < 0.5', { value: null }, false, 'value < 0.5', 'null'],
    ['value < 0.5', {}, false, 'value < 0.5', 'not available'],
    ['value == "active"', { value: 'active' }, true, 'value == "active"', '"active"'],
    ['value == "5"', { value: 5 }, true, 'value == "5"', '5'],
    ['value contains "act"', { value: 'active' }, true, 'value contains "act"', '"active"'],
    ['value matches /^\\d+$/', { value: 42 }, true, 'value matches /^\\d+$/', '42'],
    // rows
    ['rows == 0', { rows: 0 }, true, 'rows == 0', '0'],
    ['rows > 10', { rows: 3 }, false, 'rows > 10', '3'],
    ['rows == 0', { stdout: '' }, false, 'rows == 0', 'not available'],
    // duration
    ['duration < 2s', { durationMs: 1500 }, true, 'duration < 2s', '1.5s'],
    ['duration < 2s', { durationMs: 2000 }, false, 'duration < 2s', '2s'],
    ['duration <= 5', { durationMs: 5000 }, true, 'duration <= 5s', '5s'],
    ['duration > 100ms', { durationMs: 99 }, false, 'duration > 100ms', '99ms'],
    // a criterion check keeps its cell in the expected text
    ['api-latency value < 0.5', { value: 0.1 }, true, 'api-latency value < 0.5', '0.1'],
  ])('%s with %j', (text, actual, passed, expected, shown) => {
    expect(evaluate(text, actual)).toEqual({ passed, expected, actual: shown });
  });

  it('shortens long output in the actual text', () => {
    const result = evaluate('stdout contains "zzz"', { stdout: 'x'.repeat(500) });
    expect(result.passed).toBe(false);
    expect(result.actual).toBe(JSON.stringify(`${'x'.repeat(200)}…`));
  });

  it('searches the whole output, not only what is shown', () => {
    expect(evaluate('stdout contains "needle"', { stdout: `${'x'.repeat(500)}needle` }).passed).toBe(true);
  });
});
