/**
 * Run inputs: `--set` and `--env-file` parsing, and resolving the runbook's
 * input variables from them, the environment and the front matter; which
 * inputs a plan needs.
 */
export { parseSetOptions } from './parse-set-options.js';
export { parseEnvFile, type EnvFileParseResult } from './parse-env-file.js';
export { readEnvFile } from './read-env-file.js';
export { resolveInputs, type InputSource, type InputSources, type ResolvedInputs } from './resolve-inputs.js';
export { formatMissingInputs } from './format-missing-inputs.js';
export { scopeInputs, type ScopeInputsOptions } from './scope-inputs.js';
export { listCellReads, type CellRead } from './list-cell-reads.js';
