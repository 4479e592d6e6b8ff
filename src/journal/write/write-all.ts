import { open, type FileHandle } from 'node:fs/promises';

/** Writes every byte (a single `write` may write fewer). */
export async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}

/** fsyncs a directory so the entries just created in it survive a crash. */
export async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems refuse fsync on a directory; the files themselves are synced.
    if ((error as NodeJS.ErrnoException).code !== 'EINVAL' && (error as NodeJS.ErrnoException).code !== 'EISDIR') throw error;
  } finally {
    await handle.close();
  }
}

/** Creates a file that must not exist, writes it whole, fsyncs and closes it. */
export async function writeNewFile(path: string, bytes: Uint8Array, flags: 'wx' | 'w' = 'wx'): Promise<void> {
  const handle = await open(path, flags);
  try {
    await writeAll(handle, bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
