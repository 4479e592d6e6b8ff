import type { Variable } from '../../../src/model/runbook.js';

/** A Variable for tests: an input, required, read by one cell, with what `fields` override. */
export function makeVariable(name: string, fields: Partial<Variable> = {}): Variable {
  return {
    name,
    role: 'input',
    sources: ['shell'],
    description: null,
    default: null,
    secret: false,
    required: true,
    readBy: ['step/1'],
    setBy: [],
    line: 1,
    ...fields,
  };
}
