import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { LitopsError } from '../../model/errors.js';
import { buildPrelude } from './build-prelude.js';
import { parseStateChanges, type StateChanges } from './parse-state-changes.js';
import { isShellName, quoteShell } from './quote-shell.js';

/** The session's private directory (mode 0700) and the files in it. */
export interface SessionFiles {
  dir: string;
  prelude: string;
}

const stateFiles = ['vars.sh', 'functions.sh', 'env.sh', 'options.sh'] as const;
const outputs = ['changes.out', 'functions.out', 'options.out'] as const;

/** Creates a fresh 0700 directory under `stateDir` with the prelude and an empty state. */
export function createSessionFiles(stateDir: string, errexit: boolean): SessionFiles {
  try {
    mkdirSync(stateDir, { recursive: true, mode: 0o700 });
    const dir = mkdtempSync(join(stateDir, 'shell-'));
    const prelude = join(dir, 'prelude.sh');
    writeFileSync(prelude, buildPrelude(dir, errexit), { mode: 0o600 });
    for (const name of stateFiles) writeFileSync(join(dir, name), '', { mode: 0o600 });
    return { dir, prelude };
  } catch (cause) {
    throw new LitopsError('shell-state-dir', `cannot create the shell state directory under ${stateDir}`, { cause });
  }
}

/**
 * Writes the carried variables (`vars.sh`), the cell's text (exact bytes) and its
 * own environment (`env.sh`), and removes the previous cell's outputs.
 */
export async function prepareCellFiles(files: SessionFiles, variables: Buffer, source: string, env: Record<string, string>, line = 1): Promise<void> {
  const exports = Object.entries(env)
    .filter(([name]) => isShellName(name))
    .map(([name, value]) => `builtin export ${name}=${quoteShell(value)}\n`);
  // Small files in a private directory: synchronous calls cost microseconds; a round trip
  // through the thread pool per file cost a trivial cell more than running it.
  await guard(files, async () => {
    for (const name of outputs) rmSync(join(files.dir, name), { force: true });
    writeFileSync(join(files.dir, 'vars.sh'), variables, { mode: 0o600 });
    writeFileSync(join(files.dir, 'cell.sh'), source, { mode: 0o600 });
    writeFileSync(join(files.dir, 'env.sh'), `${exports.join('')}__litops_line0=${Math.trunc(line)}\n`, { mode: 0o600 });
  });
}

/**
 * Reads what the cell's EXIT trap wrote; when complete, makes its functions and
 * options the session's. Returns null when the trap did not finish (state unchanged).
 */
export async function collectCellState(files: SessionFiles): Promise<StateChanges | null> {
  let bytes: Buffer | null = null;
  try {
    bytes = readFileSync(join(files.dir, 'changes.out'));
  } catch {
    return null;
  }
  const changes = parseStateChanges(bytes);
  if (!changes) return null;
  await guard(files, async () => {
    renameSync(join(files.dir, 'functions.out'), join(files.dir, 'functions.sh'));
    renameSync(join(files.dir, 'options.out'), join(files.dir, 'options.sh'));
  });
  return changes;
}

/** Removes the cell's text and empties its environment (they may hold secrets). */
export async function cleanCellFiles(files: SessionFiles): Promise<void> {
  rmSync(join(files.dir, 'cell.sh'), { force: true });
  try {
    writeFileSync(join(files.dir, 'env.sh'), '');
  } catch {
    // The directory is gone (the session closed): nothing left to clean.
  }
}

/** Removes the whole directory. */
export async function removeSessionFiles(files: SessionFiles): Promise<void> {
  await rm(files.dir, { recursive: true, force: true });
}

async function guard(files: SessionFiles, action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
  } catch (cause) {
    throw new LitopsError('shell-state-io', `cannot write the shell state in ${files.dir}`, { cause });
  }
}
