import type { StateChanges } from './parse-state-changes.js';
import { isShellName, quoteShell } from './quote-shell.js';
import { LitopsError } from '../../model/errors.js';

/** A carried variable: set (with the line that restores it), or unset (it was inherited and a cell unset it). */
export type CarriedVariable =
  | { kind: 'set'; declaration: Buffer; value: string; exported: boolean; array: boolean }
  | { kind: 'unset' };

/** The variables a session carries from cell to cell, by name. */
export type CarriedVariables = Map<string, CarriedVariable>;

/** Folds one cell's changes into the carried variables (in place). */
export function applyVariableChanges(carried: CarriedVariables, changes: StateChanges): void {
  for (const { name, declaration, value } of changes.changed) {
    const flags = /^declare -(\S+) /.exec(declaration.toString('latin1'))?.[1] ?? '';
    const array = /[aA]/.test(flags);
    const shown = array ? declaration.toString('utf8').replace(/\n$/, '') : value;
    carried.set(name, { kind: 'set', declaration, value: shown, exported: flags.includes('x'), array });
  }
  // Keep an unset even for names the session never carried: they may come back from the environment.
  for (const name of changes.unset) carried.set(name, { kind: 'unset' });
}

/** `vars.sh`: the lines that restore the carried variables at the top of the next cell's bash. */
export function formatVariablesScript(carried: CarriedVariables): Buffer {
  const parts: Buffer[] = [];
  for (const [name, variable] of carried) {
    parts.push(variable.kind === 'set' ? variable.declaration : Buffer.from(`builtin unset -v ${name} 2>/dev/null\n`));
  }
  return Buffer.concat(parts);
}

/** Name to value (arrays: their `declare -p` text) of the variables that are set; OLDPWD is left out. */
export function listVariables(carried: CarriedVariables): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, variable] of carried) if (variable.kind === 'set' && name !== 'OLDPWD') result[name] = variable.value;
  return result;
}

/**
 * Carried variables from values (`litops resume`): a value that is the `declare -p`
 * text of an array of that name is restored as that array, anything else as a string.
 */
export function buildCarriedVariables(variables: Record<string, string>, exported: readonly string[] | undefined): CarriedVariables {
  const carried: CarriedVariables = new Map();
  for (const [name, value] of Object.entries(variables)) {
    if (!isShellName(name)) throw new LitopsError('shell-invalid-variable', `cannot restore variable "${name}": not a shell variable name`);
    const isExported = exported === undefined || exported.includes(name);
    const arrayFlags = new RegExp(`^declare -([a-zA-Z]*[aA][a-zA-Z]*) ${name}=\\(`).exec(value)?.[1];
    const declaration = arrayFlags
      ? `declare -${arrayFlags.replace('x', '')}${isExported ? 'x' : ''} ${value.slice(value.indexOf(' ', 9) + 1)}\n`
      : `declare -${isExported ? 'x' : '-'} ${name}=${quoteShell(value)}\n`;
    carried.set(name, { kind: 'set', declaration: Buffer.from(declaration), value, exported: isExported, array: arrayFlags !== undefined });
  }
  return carried;
}
