import { readFile } from 'node:fs/promises';

/**
 * The version in litops' package.json. Read on demand (not imported), from
 * `dist/cli/` or `src/cli/` alike: both sit two levels below the package root.
 */
export async function readVersion(): Promise<string> {
  const text = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
  const manifest = JSON.parse(text) as { version?: unknown };
  if (typeof manifest.version !== 'string') throw new Error('package.json has no version');
  return manifest.version;
}
