import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folder of the shell cell fixtures: one folder per case, `input.sh` next to `expected.json`. */
export const fixturesRoot = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** The source of a fixture cell (copied verbatim from a seed runbook). */
export function readFixture(name: string): string {
  return readFileSync(join(fixturesRoot, name, 'input.sh'), 'utf8');
}
