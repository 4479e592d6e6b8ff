import { join } from 'node:path';
import { hashFile, type Digest } from '../digest.js';

/** Digests of run directory files, each file read once however many checks ask. Null for a missing file. */
export interface DigestCache {
  (path: string): Promise<Digest | null>;
  /** Starts hashing these files, `concurrency` at a time, so later checks find them done (a long run has tens of thousands). */
  prefetch(paths: readonly string[], concurrency?: number): Promise<void>;
}

export function createDigestCache(runDir: string): DigestCache {
  const cache = new Map<string, Promise<Digest | null>>();
  const digestOf = (path: string): Promise<Digest | null> => {
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
  const prefetch = async (paths: readonly string[], concurrency = 16): Promise<void> => {
    let next = 0;
    const worker = async () => {
      // Errors surface when a check awaits the digest; here they only must not stop the others.
      while (next < paths.length) await digestOf(paths[next++]!).catch(() => undefined);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, paths.length) }, worker));
  };
  return Object.assign(digestOf, { prefetch });
}
