/** Exit codes shared by every command (design.md). */
export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  needsPerson: 3,
  incomplete: 4,
  interrupted: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * The tool's own failures (not a cell's). Each has a stable `code` and the exit
 * code the CLI ends with; the top-level handler prints `message` as one line.
 */
export class LitopsError extends Error {
  readonly code: string;
  readonly exitCode: ExitCodeValue;

  constructor(code: string, message: string, options: { exitCode?: ExitCodeValue; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LitopsError';
    this.code = code;
    this.exitCode = options.exitCode ?? ExitCode.failed;
  }
}

/** Bad command line or unreadable input: exit 2. */
export class UsageError extends LitopsError {
  constructor(message: string, options: { code?: string; cause?: unknown } = {}) {
    super(options.code ?? 'usage', message, { exitCode: ExitCode.usage, cause: options.cause });
    this.name = 'UsageError';
  }
}
