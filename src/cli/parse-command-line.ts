import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../model/errors.js';
import type { OptionSpec, OptionValues } from './command-spec.js';
import { suggestClosest } from './suggest.js';

/** Options and positionals of one command line, or of the part before the command. */
export interface ParsedCommandLine {
  values: OptionValues;
  positionals: string[];
}

/**
 * Parses `args` strictly with `util.parseArgs`. A bad option becomes one
 * UsageError line that names it and points at `helpCommand` (e.g. `litops inspect --help`).
 */
export function parseCommandLine(args: string[], options: Record<string, OptionSpec>, helpCommand: string): ParsedCommandLine {
  const config = toParseArgsOptions(options);
  args = expandOptionalValues(args, options);
  try {
    const { values, positionals } = parseArgs({ args, options: config, allowPositionals: true, strict: true });
    return { values: values as OptionValues, positionals };
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    throw new UsageError(`${describeParseError(args, config, error)}; see ${helpCommand}`, { code: 'bad-option', cause: error });
  }
}

/** A bare `--name` of an option with an optional value becomes `--name=<optionalValue>`. */
function expandOptionalValues(args: string[], options: Record<string, OptionSpec>): string[] {
  const end = args.indexOf('--');
  return args.map((arg, i) => {
    if (end !== -1 && i > end) return arg;
    const spec = arg.startsWith('--') ? options[arg.slice(2)] : undefined;
    return spec?.optionalValue === undefined ? arg : `${arg}=${spec.optionalValue}`;
  });
}

function toParseArgsOptions(options: Record<string, OptionSpec>): NonNullable<ParseArgsConfig['options']> {
  const config: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, spec] of Object.entries(options)) {
    config[name] = { type: spec.type, multiple: spec.multiple ?? false, ...(spec.short === undefined ? {} : { short: spec.short }) };
  }
  return config;
}

function isParseArgsError(error: unknown): error is Error {
  const code: unknown = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

/** Finds the offending token again (non-strict, with tokens) to say exactly what is wrong with it. */
function describeParseError(args: string[], config: NonNullable<ParseArgsConfig['options']>, error: Error): string {
  const { tokens } = parseArgs({ args, options: config, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = config[token.name];
    if (spec === undefined) {
      const suggestion = suggestClosest(token.rawName.replace(/^-+/, ''), Object.keys(config));
      return `unknown option ${token.rawName}${suggestion === undefined ? '' : ` (did you mean --${suggestion}?)`}`;
    }
    if (spec.type === 'boolean' && token.value !== undefined) return `option ${token.rawName} takes no value`;
    if (spec.type === 'string' && token.value === undefined) return `option ${token.rawName} needs a value`;
    if (spec.type === 'string' && token.inlineValue === false && token.value?.startsWith('-') === true) {
      return `option ${token.rawName} needs a value (to give "${token.value}" as its value, write --${token.name}=${token.value})`;
    }
  }
  return error.message.split('\n')[0] ?? error.message;
}
