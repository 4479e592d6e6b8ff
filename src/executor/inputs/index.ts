/**
 * Run inputs: `--set` and `--env-file` parsing, and resolving the runbook's
 * input variables from them, the environment and the front matter.
 */
export { parseSetOptions } from './parse-set-options.js';
export { parseEnvFile, type EnvFileParseResult } from './parse-env-file.js';
export { readEnvFile } from './read-env-file.js';
export { resolveInputs, type InputSource, type InputSources, type ResolvedInputs } from './resolve-inputs.js';
export { formatMissingInputs } from './format-missing-inputs.js';
