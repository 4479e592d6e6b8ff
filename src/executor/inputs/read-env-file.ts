import { readFile } from 'node:fs/promises';
import { UsageError } from '../../model/errors.js';
import { parseEnvFile } from './parse-env-file.js';

/**
 * Reads and parses an `--env-file`. Throws UsageError (exit 2) when the file
 * cannot be read or is not UTF-8, and with the first problem (`path:line: message`,
 * plus how many more there are) when any line is wrong: a half-read env file
 * would run the runbook with the wrong inputs.
 */
export async function readEnvFile(path: string): Promise<Record<string, string>> {
  const { values, errors } = parseEnvFile(await readText(path), path);
  const [first] = errors;
  if (first !== undefined) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''} in ${path})` : '';
    throw new UsageError(`${first}${more}`, { code: 'bad-env-file' });
  }
  return values;
}

async function readText(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw toReadError(path, error);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new UsageError(`cannot read env file ${path}: it is not valid UTF-8; save it as UTF-8`, { code: 'file-not-utf8', cause: error });
  }
}

function toReadError(path: string, error: unknown): UsageError {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  const fail = (why: string, kind: string): UsageError => new UsageError(`cannot read env file ${path}: ${why}`, { code: kind, cause: error });
  switch (code) {
    case 'ENOENT':
      return fail('no such file', 'file-not-found');
    case 'EISDIR':
      return fail('it is a directory', 'file-is-directory');
    case 'EACCES':
    case 'EPERM':
      return fail('permission denied', 'file-unreadable');
    default:
      return fail(error instanceof Error ? error.message : String(error), 'file-unreadable');
  }
}
