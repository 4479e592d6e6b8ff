import { join } from 'node:path';
import type { FileDigest } from '../digest.js';
import { SIG_FILE, SUMS_FILE } from '../run-dir-layout.js';
import type { Signer } from '../signing/index.js';
import { syncDirectory, writeNewFile } from './write-all.js';

/** `sha256sum` format: `<hex>  <path>` per file, sorted by path (code units), one trailing newline each. */
export function formatChecksums(files: Array<Pick<FileDigest, 'path' | 'sha256'>>): string {
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((file) => `${file.sha256}  ${file.path}\n`)
    .join('');
}

/**
 * Writes SHA256SUMS for `files` and SHA256SUMS.sig (the signer's SSHSIG over
 * SHA256SUMS's exact bytes, ending in a newline), fsyncing both and the directory.
 * The signature is made before either file is written, so a failing signer
 * leaves neither.
 */
export async function writeSignedChecksums(runDir: string, files: FileDigest[], signer: Signer): Promise<void> {
  const sums = Buffer.from(formatChecksums(files), 'utf8');
  const armored = await signer.sign(sums);
  const sig = armored.endsWith('\n') ? armored : `${armored}\n`;
  await writeNewFile(join(runDir, SUMS_FILE), sums, 'w');
  await writeNewFile(join(runDir, SIG_FILE), Buffer.from(sig, 'utf8'), 'w');
  await syncDirectory(runDir);
}
