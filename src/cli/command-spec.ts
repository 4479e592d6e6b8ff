import type { ExitCodeValue } from '../model/errors.js';

/** Where a command writes, and what it may read of its environment. Tests pass fakes. */
export interface CliIo {
  /** Only whether it is a terminal matters (TUI or not); absent in tests means "not a terminal". */
  stdin?: { isTTY?: boolean };
  stdout: OutputStream;
  stderr: OutputStream;
  env: Readonly<Record<string, string | undefined>>;
}

/** The part of a Node writable stream the CLI uses. */
export interface OutputStream {
  write(chunk: string): unknown;
  /** True when the stream is a terminal; decides colour. */
  isTTY?: boolean;
}

/** One option of a command, in the shape `util.parseArgs` takes plus what help shows. */
export interface OptionSpec {
  type: 'boolean' | 'string';
  short?: string;
  multiple?: boolean;
  /** Shown in help as `--name VALUE`; string options only. Default: `VALUE`. */
  valueName?: string;
  /** Shown in help as `(default: ...)`; the handler applies it. */
  defaultText?: string;
  /**
   * String options only: the value a bare `--name` stands for, so that both
   * `--name` and `--name=VALUE` work (`--allow-destructive[=NAME,...]`).
   */
  optionalValue?: string;
  description: string;
}

/** A positional argument, in order. */
export interface ArgumentSpec {
  name: string;
  description: string;
  /** Default: true. */
  required?: boolean;
}

/** An environment variable a command (or every command) honours. */
export interface EnvironmentSpec {
  name: string;
  description: string;
}

/** Values of parsed options, by long name. */
export type OptionValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

/** What a command's handler receives. */
export interface CommandContext {
  args: string[];
  options: OptionValues;
  io: CliIo;
}

/** A command's handler module, imported only when the command runs. */
export interface CommandModule {
  run(context: CommandContext): Promise<ExitCodeValue>;
}

/**
 * A command declared as data: everything `--help` shows, and a loader for the
 * handler so that help never imports a command's (heavy) dependencies.
 */
export interface CommandSpec {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Paragraphs shown under the usage line of `litops COMMAND --help`. */
  description: string;
  arguments: ArgumentSpec[];
  options: Record<string, OptionSpec>;
  examples: { command: string; description: string }[];
  /** What each exit code means for this command. */
  exitCodes: { code: ExitCodeValue; meaning: string }[];
  environment?: EnvironmentSpec[];
  load(): Promise<CommandModule>;
}
