import { ExitCode, LitopsError, type ExitCodeValue } from '../model/errors.js';
import type { OutputStream } from './command-spec.js';

/**
 * The one top-level handler: a LitopsError is one `litops: message` line and
 * its exit code; anything else is a bug, shown with its stack, exit 1.
 * `LITOPS_DEBUG=1` adds the stack (and cause) of known errors too.
 */
export function reportError(error: unknown, stderr: OutputStream, env: Readonly<Record<string, string | undefined>> = {}): ExitCodeValue {
  if (error instanceof LitopsError) {
    stderr.write(`litops: ${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
    if (env.LITOPS_DEBUG === '1') stderr.write(`${formatStack(error)}\n`);
    return error.exitCode;
  }
  stderr.write(`litops: unexpected error (a bug in litops, please report it with the stack below)\n${formatStack(error)}\n`);
  return ExitCode.failed;
}

function formatStack(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const stack = error.stack ?? `${error.name}: ${error.message}`;
  return error.cause === undefined ? stack : `${stack}\nCaused by: ${formatStack(error.cause)}`;
}
