import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cell } from '../../model/runbook.js';

/**
 * Opens `editor` (the operator's, see `findUserEditor`) on a private copy of
 * the source and returns what was saved, or null when the editor failed. The
 * command is run by `sh -c` so that `EDITOR="code --wait"` works.
 */
export async function openExternalEditor(editor: string, source: string, cell: Cell, env: Record<string, string | undefined>): Promise<string | null> {
  const dir = await mkdtemp(join(tmpdir(), 'litops-edit-'));
  const name = (cell.attributes.name ?? cell.id).replace(/[^A-Za-z0-9._-]+/g, '-');
  const file = join(dir, `${name}.${(cell.executable ? cell.lang : cell.guess) === 'sql' ? 'sql' : 'sh'}`);
  try {
    await writeFile(file, source.endsWith('\n') ? source : `${source}\n`, { mode: 0o600 });
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn('sh', ['-c', `${editor} "$1"`, 'sh', file], { stdio: 'inherit', env: env as NodeJS.ProcessEnv });
      child.on('error', () => resolve(null));
      child.on('exit', (status) => resolve(status));
    });
    if (code !== 0) return null;
    const edited = await readFile(file, 'utf8');
    return source.endsWith('\n') ? edited : edited.replace(/\n$/, '');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
