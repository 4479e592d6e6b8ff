import type { EnvironmentSpec } from './command-spec.js';

/** Environment variables that every command honours. */
export const GLOBAL_ENVIRONMENT: readonly EnvironmentSpec[] = [
  { name: 'NO_COLOR', description: 'when set and not empty, no colour in any output (https://no-color.org)' },
  { name: 'FORCE_COLOR', description: 'colour even when output is not a terminal; 0 turns colour off' },
  { name: 'LITOPS_DEBUG', description: 'when 1, errors also print their stack and cause' },
];
