import { open } from 'node:fs/promises';

/** Text of a file, at most `maxBytes` of it (cut at a character boundary). */
export interface BoundedText {
  text: string;
  truncated: boolean;
  /** False when the file does not exist. */
  exists: boolean;
}

/** Reads the first `maxBytes` bytes of a file as UTF-8; a missing file is empty text. */
export async function readBoundedText(path: string, maxBytes: number): Promise<BoundedText> {
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (!handle) return { text: '', truncated: false, exists: false };
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(size, maxBytes));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const truncated = size > maxBytes;
    // stream: true holds back a character the cut split in two.
    const text = new TextDecoder('utf-8').decode(buffer.subarray(0, bytesRead), { stream: truncated });
    return { text, truncated, exists: true };
  } finally {
    await handle.close();
  }
}
