import { resolveInputs, type GateProblem } from '../../executor/index.js';
import { ExitCode, UsageError } from '../../model/errors.js';
import type { Runbook, Variable } from '../../model/runbook.js';
import { REDACTED } from './restore-redacted-source.js';

/** What can give a replay's inputs a value besides the log. */
export interface GivenInputs {
  /** `--set`, parsed. */
  set: Record<string, string>;
  /** `--env-file`, read. */
  envFile: Record<string, string>;
  env: Record<string, string | undefined>;
}

/** The replay's inputs: values (secrets included), where each came from, and what is missing. */
export interface ReplayInputs {
  values: Record<string, string>;
  /** `recorded` for values taken from the original run.start. */
  sources: Record<string, string>;
  /** One gate problem (exit 3) per missing input, naming it. */
  problems: GateProblem[];
}

/**
 * Inputs as the original run recorded them in `run.start`. Values recorded in
 * the clear are used as they are (a `--set` giving one of them another value is
 * a usage error: a replay answers "does the same run still behave the same",
 * `litops run` tries other values). Values recorded as `[REDACTED]`, or holding
 * it, were secrets: they come from `--set`, `--env-file` or the environment, and
 * each one missing is named (exit 3), as is any required input of `variables`
 * (the inputs the replayed cells read, see `scopeInputs`) still missing.
 */
export function resolveReplayInputs(runbook: Runbook, variables: readonly Variable[], recorded: Readonly<Record<string, string>>, given: GivenInputs): ReplayInputs {
  const clear = Object.fromEntries(Object.entries(recorded).filter(([, value]) => !value.includes(REDACTED)));
  for (const [name, value] of Object.entries(given.set)) {
    if (Object.hasOwn(clear, name) && clear[name] !== value) {
      throw new UsageError(`--set ${name}: the original run had ${name}=${JSON.stringify(clear[name])}, and a replay runs with the recorded inputs; use litops run to try other values`);
    }
  }
  const resolved = resolveInputs(variables, { set: { ...given.set, ...clear }, envFile: given.envFile, env: given.env, frontMatterEnv: runbook.frontMatter.env ?? {} });
  const sources: Record<string, string> = { ...resolved.sources };
  for (const name of Object.keys(clear)) sources[name] = 'recorded';
  const problems: GateProblem[] = [];
  for (const name of Object.keys(recorded)) {
    if (Object.hasOwn(clear, name) || Object.hasOwn(resolved.values, name)) continue;
    const fromEnvironment = variables.some((variable) => variable.name === name && variable.role === 'input');
    const how = `--set ${name}=..., --env-file${fromEnvironment ? ', or the environment' : ''}`;
    problems.push({ kind: 'input', exitCode: ExitCode.needsPerson, message: `missing input ${name}: the original run had it, but secrets are never logged; give it again with ${how}` });
  }
  for (const variable of resolved.missing.filter((v) => !Object.hasOwn(recorded, v.name))) {
    const about = variable.description ? ` (${variable.description})` : '';
    problems.push({ kind: 'input', exitCode: ExitCode.needsPerson, message: `missing input ${variable.name}${about}: give --set ${variable.name}=..., --env-file, or the environment` });
  }
  return { values: resolved.values, sources, problems };
}
