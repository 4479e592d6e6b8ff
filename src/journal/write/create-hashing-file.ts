import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { FileDigest } from '../digest.js';
import { writeAll } from './write-all.js';

/** A new file written by appending, with its size and sha256 kept as it grows. */
export interface HashingFile {
  readonly path: string;
  append(data: string | Uint8Array): Promise<void>;
  /** fsyncs and closes it; its digest. Idempotent. */
  close(): Promise<FileDigest>;
}

/**
 * Creates `absolutePath` (it must not exist) for appending. Each chunk goes to
 * disk as it comes; nothing is buffered whole. `path` is the name recorded in
 * the log (relative to the run directory).
 */
export async function createHashingFile(absolutePath: string, path: string): Promise<HashingFile> {
  const handle = await open(absolutePath, 'wx');
  const hash = createHash('sha256');
  let bytes = 0;
  let closed: Promise<FileDigest> | null = null;
  return {
    path,
    async append(data) {
      if (closed) throw new Error(`${path} is closed`);
      const chunk = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      if (chunk.length === 0) return;
      await writeAll(handle, chunk);
      hash.update(chunk);
      bytes += chunk.length;
    },
    close() {
      closed ??= (async () => {
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
        return { path, bytes, sha256: hash.digest('hex') };
      })();
      return closed;
    },
  };
}
