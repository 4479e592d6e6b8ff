import type { Variable } from '../../model/runbook.js';

/**
 * The message for required inputs that have no value: one line per input
 * (name, description, secret, line of the runbook), then how to give each one.
 * Secrets are pointed at the environment or an env file, since `--set` shows in
 * `ps` and shell history. Returns '' for none. No trailing newline.
 *
 * @example
 * 2 required inputs have no value:
 *   DB_HOST      database host (line 4)
 *   DB_PASSWORD  password of the admin role (secret, line 5)
 * Give each one with --set NAME=VALUE, a NAME=VALUE line in an --env-file FILE, or an environment variable:
 *   --set DB_HOST=...
 *   DB_PASSWORD=... in an --env-file or the environment (a secret: --set would show it in ps and shell history)
 */
export function formatMissingInputs(missing: readonly Variable[]): string {
  if (missing.length === 0) return '';
  const width = Math.max(...missing.map((variable) => variable.name.length));
  const heading = missing.length === 1 ? '1 required input has no value:' : `${missing.length} required inputs have no value:`;
  const rows = missing.map((variable) => `  ${variable.name.padEnd(width)}  ${describeInput(variable)}`);
  const how = 'Give each one with --set NAME=VALUE, a NAME=VALUE line in an --env-file FILE, or an environment variable:';
  const examples = missing.map((variable) =>
    variable.secret
      ? `  ${variable.name}=... in an --env-file or the environment (a secret: --set would show it in ps and shell history)`
      : `  --set ${variable.name}=...`,
  );
  return [heading, ...rows, how, ...examples].join('\n');
}

function describeInput(variable: Variable): string {
  const notes = [...(variable.secret ? ['secret'] : []), `line ${variable.line}`].join(', ');
  const description = variable.description?.trim() || 'no description';
  return `${description} (${notes})`;
}
