import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

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

/** Streams a file through sha256 (never reads it whole). */
export async function hashFile(path: string): Promise<Digest> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}
