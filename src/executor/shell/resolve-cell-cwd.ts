import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { resolve } from 'node:path';

/** The directory a cell starts in, or why it cannot start there. */
export interface CellCwd {
  cwd: string;
  error: string | null;
}

/**
 * Resolves a cell's `cwd` attribute against the session's directory (`~` and
 * `~/...` against HOME) and checks that it is a directory bash may enter.
 * Paths stay logical (symlinks are kept), like bash's `cd`.
 */
export async function resolveCellCwd(base: string, requested: string | null | undefined, home: string | undefined): Promise<CellCwd> {
  const expanded = requested && /^~(\/|$)/.test(requested) ? (home ?? homedir()) + requested.slice(1) : requested;
  const cwd = resolve(base, expanded ?? '.');
  const shown = requested ? `"${requested}" (${cwd})` : cwd;
  try {
    if (!(await stat(cwd)).isDirectory()) return { cwd, error: `working directory ${shown} is not a directory` };
    await access(cwd, constants.X_OK);
    return { cwd, error: null };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'is not accessible' : `cannot be used (${code})`;
    return { cwd, error: `working directory ${shown} ${reason}` };
  }
}
