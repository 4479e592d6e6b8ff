import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

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

/** Reads a file through sha256 in 1 MiB pieces (never whole; a small file in one read). */
export async function hashFile(path: string): Promise<Digest> {
  const hash = createHash('sha256');
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let bytes = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
    }
    return { bytes, sha256: hash.digest('hex') };
  } finally {
    await file.close();
  }
}
