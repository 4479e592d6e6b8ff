import type { Variable } from '../../model/runbook.js';

/** Where a resolved value came from. Front-matter defaults and front-matter `env` are both `default`. */
export type InputSource = '--set' | '--env-file' | 'environment' | 'default';

/** Everything that can give a variable a value. */
export interface InputSources {
  /** From `--set KEY=VALUE` (see parseSetOptions). */
  set: Record<string, string>;
  /** From `--env-file FILE` (see readEnvFile). */
  envFile: Record<string, string>;
  /** The process environment (usually `process.env`). */
  env: Record<string, string | undefined>;
  /** The front matter's `env` table, used after the variable's own default. Default: none. */
  frontMatterEnv?: Record<string, string>;
}

/** The runbook's inputs, resolved. */
export interface ResolvedInputs {
  /** Values by name: inputs first (in `variables` order), then other names given by `--set` or `--env-file`. */
  values: Record<string, string>;
  /** Where each value came from; same keys as `values`. */
  sources: Record<string, InputSource>;
  /** Every required input that got no value, in `variables` order (all of them, so a CI log names each one). */
  missing: Variable[];
}

/**
 * Gives each input (a variable with role `input`) its value. Precedence, first wins:
 *
 * 1. `--set NAME=VALUE`
 * 2. `--env-file` (a `NAME=VALUE` line)
 * 3. the environment; an empty environment variable counts as unset, since CI
 *    systems turn a missing secret into an empty one (`--set NAME=` and
 *    `NAME=` in an env file do give an empty value on purpose)
 * 4. the front matter: the variable's `default`, then the front matter's `env`
 *
 * An optional input without a value is left out (the cell's own fallback, such
 * as `${X:-d}`, applies). Names given by `--set` or `--env-file` that are not
 * inputs (variables a cell sets, or names the runbook never mentions) are passed
 * through, so the operator can override them.
 */
export function resolveInputs(variables: readonly Variable[], sources: InputSources): ResolvedInputs {
  const values = new Map<string, string>();
  const from = new Map<string, InputSource>();
  const missing: Variable[] = [];
  for (const variable of variables) {
    if (variable.role !== 'input') continue;
    const found = findInputValue(variable, sources);
    if (found) {
      values.set(variable.name, found.value);
      from.set(variable.name, found.source);
    } else if (variable.required) {
      missing.push(variable);
    }
  }
  for (const [record, source] of [[sources.set, '--set'], [sources.envFile, '--env-file']] as const) {
    for (const [name, value] of Object.entries(record)) {
      if (values.has(name)) continue;
      values.set(name, value);
      from.set(name, source);
    }
  }
  return { values: Object.fromEntries(values), sources: Object.fromEntries(from), missing };
}

function findInputValue(variable: Variable, sources: InputSources): { value: string; source: InputSource } | undefined {
  const { name } = variable;
  const set = getOwn(sources.set, name);
  if (set !== undefined) return { value: set, source: '--set' };
  const envFile = getOwn(sources.envFile, name);
  if (envFile !== undefined) return { value: envFile, source: '--env-file' };
  const env = getOwn(sources.env, name);
  if (env !== undefined && env !== '') return { value: env, source: 'environment' };
  if (variable.default !== null) return { value: variable.default, source: 'default' };
  const frontMatterEnv = getOwn(sources.frontMatterEnv ?? {}, name);
  if (frontMatterEnv !== undefined) return { value: frontMatterEnv, source: 'default' };
  return undefined;
}

/** `record[name]` without inheriting `Object.prototype` (a variable may be called `constructor`). */
function getOwn<Value>(record: Record<string, Value>, name: string): Value | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}
