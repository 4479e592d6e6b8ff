import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseRunbook } from '../../src/parser/index.js';
import type { Runbook } from '../../src/model/runbook.js';

export const fixturesDir = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** Parses a fixture's input.md from its exact bytes. */
export async function parseFixture(dir: string): Promise<Runbook> {
  const bytes = readFileSync(join(dir, 'input.md'));
  const { runbook } = await parseRunbook(bytes.toString('utf8'), { path: 'input.md', bytes });
  return runbook;
}

/** Case folders (those with an input.md) under a fixtures folder. */
export function listCases(folder: string): string[] {
  const root = join(fixturesDir, folder);
  return readdirSync(root).filter((name) => existsSync(join(root, name, 'input.md'))).sort();
}

/**
 * Compares a value with `expected` JSON in a fixture folder; `UPDATE=1` rewrites it.
 * Returns the expected value for the test to assert equality against.
 */
export function readExpected(file: string, actual: unknown): unknown {
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.UPDATE === '1' || !existsSync(file)) {
    if (process.env.CI === 'true' && !existsSync(file)) throw new Error(`missing expected file ${file}; run UPDATE=1 npm test locally`);
    writeFileSync(file, text);
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}
