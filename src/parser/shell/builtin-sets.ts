import { parseArgs } from './parse-args.js';

/** A variable a builtin assigns: its name and the index of the argument word that names it (-1: the command word). */
export interface BuiltinSet {
  name: string;
  argIndex: number;
}

const isName = (text: string | null | undefined): text is string => typeof text === 'string' && /^[A-Za-z_]\w*$/.test(text);

/**
 * Variables set by `read`, `mapfile`/`readarray`, `getopts` and `printf -v`,
 * given the static words after the command name (null where dynamic).
 */
export function getBuiltinSets(name: string, args: readonly (string | null)[]): BuiltinSet[] {
  if (name === 'read') return readSets(args);
  if (name === 'mapfile' || name === 'readarray') {
    const parsed = parseArgs(args, { valueOptions: ['-d', '-n', '-O', '-s', '-u', '-C', '-c'] });
    const target = parsed.positionals[0];
    if (target === undefined) return [{ name: 'MAPFILE', argIndex: -1 }];
    return isName(target.text) ? [{ name: target.text, argIndex: target.index }] : [];
  }
  if (name === 'getopts') {
    const target = parseArgs(args).positionals[1];
    return target !== undefined && isName(target.text) ? [{ name: target.text, argIndex: target.index }] : [];
  }
  if (name === 'printf') {
    const parsed = parseArgs(args, { valueOptions: ['-v'], stopAtPositional: true });
    const option = parsed.options.find((candidate) => candidate.name === '-v');
    return option !== undefined && isName(option.value) ? [{ name: option.value, argIndex: option.index }] : [];
  }
  return [];
}

function readSets(args: readonly (string | null)[]): BuiltinSet[] {
  const parsed = parseArgs(args, { valueOptions: ['-a', '-d', '-i', '-n', '-N', '-p', '-t', '-u'] });
  const sets: BuiltinSet[] = [];
  const array = parsed.options.find((option) => option.name === '-a');
  if (array !== undefined && isName(array.value)) sets.push({ name: array.value, argIndex: array.index });
  for (const positional of parsed.positionals) {
    if (isName(positional.text)) sets.push({ name: positional.text, argIndex: positional.index });
  }
  if (sets.length === 0 && parsed.positionals.length === 0) sets.push({ name: 'REPLY', argIndex: -1 });
  return sets;
}
