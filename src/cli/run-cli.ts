import { ExitCode, UsageError, type ExitCodeValue } from '../model/errors.js';
import type { CliIo, CommandSpec } from './command-spec.js';
import { COMMANDS, PLANNED_COMMANDS } from './command-table.js';
import { formatCommandHelp, formatMainHelp, HELP_OPTION, VERSION_OPTION } from './help.js';
import { getInvocation } from './invocation.js';
import { parseCommandLine } from './parse-command-line.js';
import { isColorEnabled } from './style.js';
import { suggestClosest } from './suggest.js';
import { readVersion } from './version.js';

/**
 * Runs one command line (without `node` and the script) and returns the exit
 * code. Throws LitopsError for bad usage; the caller reports it.
 */
export async function runCli(argv: string[], io: CliIo): Promise<ExitCodeValue> {
  const commandIndex = argv.findIndex((arg) => !arg.startsWith('-') || arg === '-');
  const before = commandIndex === -1 ? argv : argv.slice(0, commandIndex);
  const name = commandIndex === -1 ? undefined : argv[commandIndex];
  const after = commandIndex === -1 ? [] : argv.slice(commandIndex + 1);
  const litops = getInvocation(io.env);
  const global = parseCommandLine(before, { help: HELP_OPTION, version: VERSION_OPTION }, `${litops} --help`);
  const color = isColorEnabled(io.stdout, io.env);

  if (global.values.version === true) {
    io.stdout.write(`${await readVersion()}\n`);
    return ExitCode.ok;
  }
  if (name === undefined || (name === 'help' && after.length === 0)) {
    io.stdout.write(formatMainHelp(COMMANDS, { color }));
    return ExitCode.ok;
  }
  if (name === 'help') {
    io.stdout.write(formatCommandHelp(findCommand(after[0] ?? '', litops), { color }));
    return ExitCode.ok;
  }

  const command = findCommand(name, litops);
  const parsed = parseCommandLine(after, { ...command.options, help: HELP_OPTION }, `${litops} ${command.name} --help`);
  if (global.values.help === true || parsed.values.help === true) {
    io.stdout.write(formatCommandHelp(command, { color }));
    return ExitCode.ok;
  }
  checkArguments(command, parsed.positionals, litops);
  const { help: _help, ...options } = parsed.values;
  const handler = await command.load();
  return handler.run({ args: parsed.positionals, options, io });
}

function findCommand(name: string, litops: string): CommandSpec {
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command !== undefined) return command;
  if (PLANNED_COMMANDS.includes(name)) {
    throw new UsageError(`'${name}' is planned but not available in this version of litops; see ${litops} --help`, { code: 'unknown-command' });
  }
  const suggestion = suggestClosest(name, COMMANDS.map((candidate) => candidate.name));
  const hint = suggestion === undefined ? '' : ` (did you mean '${suggestion}'?)`;
  throw new UsageError(`unknown command '${name}'${hint}; see ${litops} --help`, { code: 'unknown-command' });
}

function checkArguments(command: CommandSpec, positionals: string[], litops: string): void {
  const required = command.arguments.filter((argument) => argument.required !== false);
  const missing = required[positionals.length];
  if (missing !== undefined) {
    throw new UsageError(`missing ${missing.name} for ${command.name}; see ${litops} ${command.name} --help`, { code: 'missing-argument' });
  }
  const extra = positionals[command.arguments.length];
  if (extra !== undefined) {
    throw new UsageError(`unexpected argument '${extra}' for ${command.name}; see ${litops} ${command.name} --help`, { code: 'extra-argument' });
  }
}
