import type { CommandSpec, EnvironmentSpec, OptionSpec } from './command-spec.js';
import { EXIT_CODE_MEANINGS } from './exit-codes.js';
import { GLOBAL_ENVIRONMENT } from './environment.js';
import { createStyle, type Style } from './style.js';

/** Options that every command accepts, and those accepted before a command. */
export const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', description: 'show this help' };
export const VERSION_OPTION: OptionSpec = { type: 'boolean', short: 'V', description: 'print the version of litops' };

/** `litops --help`: usage, the implemented commands, exit codes, environment. */
export function formatMainHelp(commands: readonly CommandSpec[], options: { color: boolean }): string {
  const style = createStyle(options.color);
  const usageLines = commands.map((command) => [`litops ${formatUsage(command, { short: true })}`, command.summary] as const);
  return joinSections([
    'litops: executable operations runbooks. Markdown in, signed evidence out.',
    section(style, 'Usage', [
      ['litops COMMAND [options]', 'run a command'],
      ['litops COMMAND --help', 'usage, options, examples and exit codes of one command'],
      ['litops --version', 'print the version'],
    ]),
    section(style, 'Commands', usageLines),
    section(style, 'Options', [formatOption('help', HELP_OPTION), formatOption('version', VERSION_OPTION)]),
    section(style, 'Exit codes (the same for every command)', EXIT_CODE_MEANINGS.map(({ code, meaning }) => [String(code), meaning])),
    section(style, 'Environment', collectEnvironment(commands).map(({ name, description }) => [name, description])),
  ]);
}

/** `litops COMMAND --help`. */
export function formatCommandHelp(command: CommandSpec, options: { color: boolean }): string {
  const style = createStyle(options.color);
  const optionRows = [...Object.entries(command.options).map(([name, spec]) => formatOption(name, spec)), formatOption('help', HELP_OPTION)];
  return joinSections([
    `${style.bold('Usage:')} litops ${formatUsage(command)}`,
    command.description,
    command.arguments.length > 0 ? section(style, 'Arguments', command.arguments.map((argument) => [argument.name, argument.description])) : '',
    section(style, 'Options', optionRows),
    section(
      style,
      'Examples',
      command.examples.map((example) => [`litops ${example.command}`, example.description]),
      { stacked: true },
    ),
    section(style, 'Exit codes', command.exitCodes.map(({ code, meaning }) => [String(code), meaning])),
    section(style, 'Environment', [...GLOBAL_ENVIRONMENT, ...(command.environment ?? [])].map(({ name, description }) => [name, description])),
  ]);
}

/**
 * `inspect FILE [--json]`: the command, its arguments, then its options. With
 * `short`, a command of more than two options shows `[options]` (the command list).
 */
export function formatUsage(command: CommandSpec, options: { short?: boolean } = {}): string {
  const parts = [command.name];
  for (const argument of command.arguments) parts.push(argument.required === false ? `[${argument.name}]` : argument.name);
  const entries = Object.entries(command.options);
  if (options.short === true && entries.length > 2) return [...parts, '[options]'].join(' ');
  for (const [name, spec] of entries) parts.push(`[${formatFlag(name, spec)}]${spec.multiple === true ? '...' : ''}`);
  return parts.join(' ');
}

/** `--name VALUE`, or `--name[=VALUE]` for an option whose value may be left out. */
function formatFlag(name: string, spec: OptionSpec): string {
  if (spec.type !== 'string') return `--${name}`;
  const value = spec.valueName ?? 'VALUE';
  return spec.optionalValue === undefined ? `--${name} ${value}` : `--${name}[=${value}]`;
}

function formatOption(name: string, spec: OptionSpec): [string, string] {
  const flags = `${spec.short === undefined ? '' : `-${spec.short}, `}${formatFlag(name, spec)}`;
  const extras = [spec.multiple === true ? 'repeatable' : '', spec.defaultText === undefined ? '' : `default: ${spec.defaultText}`].filter(Boolean);
  return [flags, extras.length > 0 ? `${spec.description} (${extras.join('; ')})` : spec.description];
}

function collectEnvironment(commands: readonly CommandSpec[]): EnvironmentSpec[] {
  const byName = new Map<string, EnvironmentSpec>();
  for (const variable of [...GLOBAL_ENVIRONMENT, ...commands.flatMap((command) => command.environment ?? [])]) {
    if (!byName.has(variable.name)) byName.set(variable.name, variable);
  }
  return [...byName.values()];
}

/** A heading and two aligned columns; `stacked` puts the description under its term instead. */
function section(style: Style, title: string, rows: readonly (readonly [string, string])[], options: { stacked?: boolean } = {}): string {
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map(([term]) => term.length));
  const lines = rows.map(([term, description]) =>
    options.stacked === true ? `  ${term}\n      ${style.dim(description)}` : `  ${term.padEnd(width)}  ${description}`,
  );
  return `${style.bold(`${title}:`)}\n${lines.join('\n')}`;
}

function joinSections(sections: string[]): string {
  return `${sections.filter((text) => text !== '').join('\n\n')}\n`;
}
