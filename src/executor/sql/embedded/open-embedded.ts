import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TargetUnavailableError, type SqlBackend } from '../backend.js';
import type { TargetSpec } from '../types.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { initialisePglite, openPglite } from './open-pglite.js';
import { copyTemplateTo, ensureTemplate } from './prepare-data-dir.js';

/** An open embedded database and the directory it lives in. */
export interface EmbeddedTarget {
  backend: SqlBackend;
  /** The data directory actually opened (the sandbox's fresh copy for `--sandbox`). */
  dir: string;
}

function describeFailure(dir: string, error: unknown): TargetUnavailableError {
  if (error instanceof TargetUnavailableError) return error;
  return new TargetUnavailableError(`cannot open the embedded PostgreSQL at ${dir}: ${(error as Error).message ?? String(error)}`);
}

/** Opens a copy of the template in `dir`; if the template no longer opens (e.g. PGlite was upgraded), rebuilds it once. */
async function openFromTemplate(dataDir: string, dir: string): Promise<SqlBackend> {
  for (let attempt = 0; ; attempt++) {
    const template = await ensureTemplate(dataDir, initialisePglite, attempt > 0);
    await copyTemplateTo(template, dir);
    try {
      return await openPglite(dir);
    } catch (error) {
      if (attempt > 0) throw error;
      await rm(dir, { recursive: true, force: true });
    }
  }
}

/** The default embedded database, `<dataDir>/pglite/`: persistent between runs, locked while open. */
async function openDefault(dataDir: string): Promise<EmbeddedTarget> {
  const dir = join(dataDir, 'pglite');
  await mkdir(dataDir, { recursive: true });
  const release = await acquireDataDirLock(join(dataDir, 'pglite.lock'), dir);
  try {
    // An existing cluster is opened as it is (never replaced); a missing one starts as a copy of the template.
    const backend = existsSync(join(dir, 'PG_VERSION')) ? await openPglite(dir) : await openFromTemplate(dataDir, dir);
    const close = backend.close;
    return { dir, backend: { ...backend, close: async () => close().finally(release) } };
  } catch (error) {
    await release();
    throw describeFailure(dir, error);
  }
}

/** A fresh database for `--sandbox`: a private copy of the template in the system's temporary directory, removed at close. */
async function openSandbox(dataDir: string): Promise<EmbeddedTarget> {
  const parent = await mkdtemp(join(tmpdir(), 'litops-sandbox-'));
  const dir = join(parent, 'pglite');
  try {
    const backend = await openFromTemplate(dataDir, dir);
    const close = backend.close;
    return { dir, backend: { ...backend, close: async () => close().finally(() => rm(parent, { recursive: true, force: true })) } };
  } catch (error) {
    await rm(parent, { recursive: true, force: true });
    throw describeFailure(dir, error);
  }
}

/** Opens an embedded target (`source` `embedded` or `sandbox`). Throws `TargetUnavailableError`. */
export function openEmbedded(target: TargetSpec, dataDir: string): Promise<EmbeddedTarget> {
  const root = resolve(dataDir);
  return target.source === 'sandbox' ? openSandbox(root) : openDefault(root);
}
