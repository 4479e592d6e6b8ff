import { readFile, stat } from 'node:fs/promises';
import { UsageError } from '../model/errors.js';
import { findInvalidUtf8, getLineAtOffset } from './find-invalid-utf8.js';

/** A runbook file as read from disk: its exact bytes (for hashing and the run log) and its text. */
export interface RunbookFile {
  /** As given on the command line. */
  path: string;
  bytes: Buffer;
  /** The bytes decoded as UTF-8; a leading BOM is kept (the parser handles it), CRLF is kept. */
  text: string;
}

/**
 * Reads a runbook. Throws UsageError (exit 2), one line naming the path, when
 * the file is missing, a directory, not readable, binary (has a NUL byte) or
 * not valid UTF-8.
 */
export async function readRunbookFile(path: string): Promise<RunbookFile> {
  const bytes = await readBytes(path);
  return { path, bytes, text: decodeUtf8(path, bytes) };
}

async function readBytes(path: string): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UsageError(`cannot read ${path}: it is a directory, not a runbook file`, { code: 'file-is-directory' });
    if (!info.isFile() && !info.isFIFO()) throw new UsageError(`cannot read ${path}: it is not a regular file`, { code: 'file-unreadable' });
    return await readFile(path);
  } catch (error) {
    throw toFileError(path, error);
  }
}

function toFileError(path: string, error: unknown): unknown {
  if (error instanceof UsageError || !isErrnoException(error)) return error;
  switch (error.code) {
    case 'ENOENT':
      return new UsageError(`cannot read ${path}: no such file`, { code: 'file-not-found', cause: error });
    case 'EISDIR':
      return new UsageError(`cannot read ${path}: it is a directory, not a runbook file`, { code: 'file-is-directory', cause: error });
    case 'EACCES':
    case 'EPERM':
      return new UsageError(`cannot read ${path}: permission denied`, { code: 'file-unreadable', cause: error });
    case 'ENOTDIR':
      return new UsageError(`cannot read ${path}: a parent of it is not a directory`, { code: 'file-not-found', cause: error });
    default: {
      // Node's message is "CODE: description, syscall 'path'": keep the description.
      const description = error.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
      return new UsageError(`cannot read ${path}: ${description}`, { code: 'file-unreadable', cause: error });
    }
  }
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

function decodeUtf8(path: string, bytes: Buffer): string {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new UsageError(`cannot read ${path}: it is UTF-16 text; litops reads UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8)`, {
      code: 'file-not-utf8',
    });
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new UsageError(`cannot read ${path}: it is a binary file, not Markdown (NUL byte at line ${getLineAtOffset(bytes, nul)}, byte offset ${nul})`, {
      code: 'file-binary',
    });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    const offset = findInvalidUtf8(bytes);
    const where = offset === -1 ? '' : ` (byte 0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at line ${getLineAtOffset(bytes, offset)}, byte offset ${offset})`;
    throw new UsageError(`cannot read ${path}: it is not valid UTF-8${where}; save it as UTF-8`, { code: 'file-not-utf8', cause: error });
  }
}

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
