import { formatDuration } from '../../model/duration.js';
import type { Expectation, ExpectationLiteral } from '../../model/expectation.js';

/** A literal as written in canonical form: `0`, `"ok"`, `/^v\d+/i`, `2s`. */
export function formatLiteral(literal: ExpectationLiteral): string {
  switch (literal.kind) {
    case 'number':
      return String(literal.value);
    case 'string':
      return JSON.stringify(literal.value);
    case 'regex':
      return `/${literal.pattern}/${literal.flags}`;
    case 'duration':
      return formatDuration(literal.ms);
  }
}

/** An expectation in canonical form, e.g. `api-latency value < 0.5`, `duration < 2s`. */
export function formatExpectation(expectation: Expectation): string {
  const cell = expectation.cell === undefined ? '' : `${expectation.cell} `;
  return `${cell}${expectation.subject} ${expectation.op} ${formatLiteral(expectation.value)}`;
}
