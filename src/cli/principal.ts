import { execFile } from 'node:child_process';
import { hostname, userInfo } from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Who runs: `--as`, else git's user.email, else user@host. */
export async function getPrincipal(env: Readonly<Record<string, string | undefined>>, as?: string | null, cwd?: string): Promise<string> {
  if (as) return as;
  try {
    const { stdout } = await run('git', ['config', 'user.email'], { cwd: cwd ?? process.cwd(), env: { ...env } as NodeJS.ProcessEnv, timeout: 5000 });
    if (stdout.trim()) return stdout.trim();
  } catch {
    // No git, or no user.email: fall through.
  }
  let user = env.USER ?? 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (containers): keep $USER.
  }
  return `${user}@${hostname()}`;
}

/** The commit of the repository that holds `dir`, or null when it is not in one. */
export async function getGitCommit(dir: string): Promise<string | null> {
  try {
    const { stdout } = await run('git', ['rev-parse', 'HEAD'], { cwd: dir, timeout: 5000 });
    return stdout.trim() || null;
  } catch {
    return null;
  }
}
