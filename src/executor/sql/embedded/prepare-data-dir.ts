import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the initialised, never-used cluster lives that embedded databases are copied from. */
export function getTemplateDir(dataDir: string): string {
  return join(dataDir, 'pglite-template');
}

function isCluster(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'));
}

function temporaryName(dir: string): string {
  return `${dir}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Moves a finished directory into place; when another process won the race, keeps theirs. */
async function moveIntoPlace(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    await rm(from, { recursive: true, force: true });
    if (!isCluster(to)) throw error;
  }
}

/**
 * Makes sure `<dataDir>/pglite-template/` holds an initialised cluster: the one
 * slow step (PGlite's initdb, about 3 s), done once and reused, since copying it
 * and opening the copy takes well under a second. `initialise` runs initdb in a
 * directory (open and close PGlite there). `rebuild` replaces a template that failed to open.
 */
export async function ensureTemplate(dataDir: string, initialise: (dir: string) => Promise<void>, rebuild = false): Promise<string> {
  const template = getTemplateDir(dataDir);
  if (rebuild) await rm(template, { recursive: true, force: true });
  if (isCluster(template)) return template;
  await mkdir(dataDir, { recursive: true });
  const building = temporaryName(template);
  try {
    await initialise(building);
  } catch (error) {
    await rm(building, { recursive: true, force: true });
    throw error;
  }
  await moveIntoPlace(building, template);
  return template;
}

/** Copies the template to `dir` unless `dir` already holds a cluster; atomic (copy aside, then rename). */
export async function copyTemplateTo(template: string, dir: string): Promise<void> {
  if (isCluster(dir)) return;
  const copying = temporaryName(dir);
  await cp(template, copying, { recursive: true });
  await moveIntoPlace(copying, dir);
}
