export { parseExpectation, type ParseExpectationOptions, type ParseExpectationResult } from './parse-expectation.js';
export { evaluateExpectation } from './evaluate-expectation.js';
export { extractLastNumber } from './extract-last-number.js';
export { formatExpectation, formatLiteral } from './format-expectation.js';
export { OPERATORS_BY_SUBJECT } from './check-expectation-types.js';
