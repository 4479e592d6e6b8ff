import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { classifyRunDirPath, OUT_DIR } from '../run-dir-layout.js';

/** The run directory's regular files (relative, `/`-separated, sorted) and anything that has no place there. */
export interface RunDirListing {
  files: string[];
  /** Unknown names, directories other than out/, symbolic links and other non-files. */
  unexpected: string[];
}

/** Lists a run directory and out/ (one level: out/ holds only files). */
export async function listRunDir(runDir: string): Promise<RunDirListing> {
  const files: string[] = [];
  const unexpected: string[] = [];
  for (const entry of await readdir(runDir, { withFileTypes: true })) {
    if (entry.name === OUT_DIR && entry.isDirectory()) {
      for (const inner of await readdir(join(runDir, OUT_DIR), { withFileTypes: true })) {
        const path = `${OUT_DIR}/${inner.name}`;
        (inner.isFile() && classifyRunDirPath(path).kind === 'out' ? files : unexpected).push(inner.isDirectory() ? `${path}/` : path);
      }
      continue;
    }
    const known = entry.isFile() && classifyRunDirPath(entry.name).kind !== 'unknown';
    (known ? files : unexpected).push(entry.isDirectory() ? `${entry.name}/` : entry.name);
  }
  return { files: files.sort(compare), unexpected: unexpected.sort(compare) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
