import { join } from 'node:path';
import { hashFile, type Digest } from '../digest.js';

/** Digests of run directory files, each file read once however many checks ask. Null for a missing file. */
export type DigestCache = (path: string) => Promise<Digest | null>;

export function createDigestCache(runDir: string): DigestCache {
  const cache = new Map<string, Promise<Digest | null>>();
  return (path) => {
    let digest = cache.get(path);
    if (!digest) {
      digest = hashFile(join(runDir, path)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' || error.code === 'EISDIR') return null;
        throw error;
      });
      cache.set(path, digest);
    }
    return digest;
  };
}
