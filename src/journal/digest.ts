import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

/** Size and sha256 (lowercase hex) of a file's bytes. */
export interface Digest {
  bytes: number;
  sha256: string;
}

/** A file of the run directory with its digest; `path` is relative and `/`-separated. */
export interface FileDigest extends Digest {
  path: string;
}

/** Lowercase hex sha256 of bytes. */
export function getSha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `"sha256:" + hex`: how `prev` and checkpoint heads name a line (its bytes without the newline). */
export function getLineHash(line: Uint8Array): string {
  return `sha256:${getSha256Hex(line)}`;
}

const CHUNK = 1024 * 1024;
let shared: Buffer | null = null;

/**
 * Reads a file through sha256 in 1 MiB pieces (never whole). Synchronous
 * reads into one shared buffer: a long run has tens of thousands of small out
 * files, and a promise and a fresh buffer per file cost more than the reading.
 */
export async function hashFile(path: string): Promise<Digest> {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    shared ??= Buffer.allocUnsafe(CHUNK);
    let bytes = 0;
    for (;;) {
      const read = readSync(fd, shared, 0, CHUNK, null);
      if (read === 0) break;
      hash.update(shared.subarray(0, read));
      bytes += read;
    }
    return { bytes, sha256: hash.digest('hex') };
  } finally {
    closeSync(fd);
  }
}
