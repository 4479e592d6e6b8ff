import type { Cell } from '../../model/runbook.js';
import { isSecretName } from '../../parser/index.js';
import { createRedactor } from '../secrets/index.js';
import type { RunContext } from './run-context.js';

/**
 * `capture=NAME`: the cell's trimmed stdout (SQL: first value) becomes a variable
 * for later cells. A secret-named capture joins the secrets, so it is redacted
 * from then on. Returns what the log records.
 */
export function applyCapture(context: RunContext, cell: Cell, value: string): { name: string; value: string } | null {
  const name = cell.attributes.capture;
  if (!name) return null;
  context.captures[name] = value;
  context.values[name] = value;
  const secret = isSecretName(name) || context.runbook.variables.some((v) => v.name === name && v.secret);
  if (secret && value && !context.secrets.includes(value)) {
    context.secrets = [...context.secrets, value];
    context.redactor = createRedactor(context.secrets);
  }
  return { name, value: secret ? '[REDACTED]' : context.redactor.redact(value) };
}
