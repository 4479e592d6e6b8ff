import { UsageError } from '../../model/errors.js';

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Parses the repeatable `--set KEY=VALUE` option into values by name.
 *
 * - The value is everything after the first `=`: it may hold `=` and may be empty (`--set X=`).
 * - A later `--set` of the same name wins.
 * - A missing `=`, or a KEY that is not a variable name (`[A-Za-z_][A-Za-z0-9_]*`),
 *   throws UsageError (exit 2) naming `--set`. Messages never show a value,
 *   since it may be a secret.
 */
export function parseSetOptions(values: readonly string[]): Record<string, string> {
  const result = new Map<string, string>();
  for (const option of values) {
    const equals = option.indexOf('=');
    if (equals === -1) throw new UsageError(describeMissingEquals(option), { code: 'bad-set-option' });
    const name = option.slice(0, equals);
    if (!VARIABLE_NAME.test(name)) throw new UsageError(describeBadName(name), { code: 'bad-set-option' });
    result.set(name, option.slice(equals + 1));
  }
  return Object.fromEntries(result);
}

function describeMissingEquals(option: string): string {
  if (option === '') return '--set: expected KEY=VALUE, got an empty argument';
  if (VARIABLE_NAME.test(option)) {
    return `--set ${option}: expected KEY=VALUE, got a name without "=" (write --set ${option}=VALUE, or --set ${option}= for an empty value)`;
  }
  return '--set: expected KEY=VALUE, got an argument without "=" (not shown: it may be a secret)';
}

function describeBadName(name: string): string {
  if (name === '') return '--set =...: expected KEY=VALUE, but the name before "=" is empty';
  return `--set ${JSON.stringify(name)}=...: ${JSON.stringify(name)} is not a variable name (letters, digits and _, not starting with a digit)`;
}
