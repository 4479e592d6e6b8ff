/** A command's arguments, as `getopt` would see them. */
export interface ParsedArgs {
  /** Words that are not options or option values, with their index in the argument list. */
  positionals: { text: string | null; index: number }[];
  /**
   * Options, one entry per option: `-rf` gives `-r` and `-f`; `--user=x` gives `--user` with value `x`.
   * `value` is undefined when the option is not known to take one.
   */
  options: { name: string; value?: string | null; index: number }[];
  /** Index of the first positional when `stopAtPositional` was set (args.length if none). */
  rest: number;
}

/** How to read a command's options. */
export interface ArgsSpec {
  /** Options that take a value: `-u` (also attached, `-uroot`) or `--user` (also `--user=x`). */
  valueOptions?: readonly string[];
  /** Stop at the first positional (for wrappers: what follows is the wrapped command). Default false. */
  stopAtPositional?: boolean;
}

/** Splits arguments into options and positionals; dynamic (null) words count as positionals. */
export function parseArgs(args: readonly (string | null)[], spec: ArgsSpec = {}): ParsedArgs {
  const valueOptions = new Set(spec.valueOptions ?? []);
  const parsed: ParsedArgs = { positionals: [], options: [], rest: args.length };
  for (let index = 0; index < args.length; index++) {
    const word = args[index];
    if (word === '--') {
      if (spec.stopAtPositional) return { ...parsed, rest: index + 1 };
      for (let later = index + 1; later < args.length; later++) parsed.positionals.push({ text: args[later] ?? null, index: later });
      return parsed;
    }
    if (word === null || word === undefined || !word.startsWith('-') || word === '-') {
      if (spec.stopAtPositional) return { ...parsed, rest: index };
      parsed.positionals.push({ text: word ?? null, index });
      continue;
    }
    if (word.startsWith('--')) {
      const equals = word.indexOf('=');
      if (equals > 0) parsed.options.push({ name: word.slice(0, equals), value: word.slice(equals + 1), index });
      else if (valueOptions.has(word)) parsed.options.push({ name: word, value: args[++index] ?? null, index: index - 1 });
      else parsed.options.push({ name: word, index });
      continue;
    }
    index = readShortGroup(word, args, index, valueOptions, parsed);
  }
  return parsed;
}

/** Reads `-abc` (or `-uvalue`, or `-u value`); returns the index of the last word consumed. */
function readShortGroup(word: string, args: readonly (string | null)[], index: number, valueOptions: Set<string>, parsed: ParsedArgs): number {
  for (let at = 1; at < word.length; at++) {
    const name = `-${word[at]}`;
    if (!valueOptions.has(name)) {
      parsed.options.push({ name, index });
      continue;
    }
    if (at + 1 < word.length) parsed.options.push({ name, value: word.slice(at + 1), index });
    else parsed.options.push({ name, value: args[index + 1] ?? null, index: index++ });
    return index;
  }
  return index;
}

/** True when any of `names` (`-r`, `--recursive`) was given. */
export function hasOption(parsed: ParsedArgs, names: readonly string[]): boolean {
  return parsed.options.some((option) => names.includes(option.name));
}
