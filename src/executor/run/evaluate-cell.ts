import type { Expectation, ExpectationActual, ExpectationResult } from '../../model/expectation.js';
import type { Cell } from '../../model/runbook.js';
import { evaluateExpectation, parseExpectation } from '../../parser/index.js';
import type { OutputCapture } from './output-capture.js';

const DEFAULT_SHELL_EXPECTATION = (() => {
  const parsed = parseExpectation('exit == 0');
  if (!parsed.ok) throw new Error('the default expectation must parse');
  return parsed.expectation;
})();

/**
 * Evaluates a cell's expectations, with shell's implicit `exit == 0` first
 * unless the cell states its own `exit` expectation or `implicitExit` is false
 * (a blocking cell ended on purpose has no exit code to judge). `contains` on an
 * output larger than what is kept in memory is answered by the streaming search.
 */
export function evaluateCellExpectations(cell: Cell, actual: ExpectationActual, streams: { stdout: OutputCapture; stderr: OutputCapture }, options: { implicitExit?: boolean } = {}): Array<ExpectationResult & { source: string }> {
  const explicitExit = cell.expectations.some((e) => e.subject === 'exit');
  const implicit = cell.lang === 'shell' && !explicitExit && options.implicitExit !== false;
  const all: Expectation[] = implicit ? [DEFAULT_SHELL_EXPECTATION, ...cell.expectations] : cell.expectations;
  return all.map((expectation) => ({ ...evaluateOne(expectation, actual, streams), source: expectation.source }));
}

function evaluateOne(expectation: Expectation, actual: ExpectationActual, streams: { stdout: OutputCapture; stderr: OutputCapture }): ExpectationResult {
  const stream = expectation.subject === 'stdout' || expectation.subject === 'stderr' ? streams[expectation.subject] : null;
  if (stream?.overflowed() && expectation.value.kind === 'string' && expectation.op.endsWith('contains')) {
    const found = stream.found(expectation.value.value);
    const passed = expectation.op === 'contains' ? found : !found;
    return { passed, expected: expectation.source, actual: `${found ? 'found' : 'not found'} in ${stream.bytes()} bytes of ${expectation.subject}` };
  }
  const result = evaluateExpectation(expectation, actual);
  if (stream?.overflowed()) return { ...result, actual: `${result.actual} (evaluated on the last part of ${stream.bytes()} bytes of ${expectation.subject})` };
  return result;
}
