import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createShellSession, type ShellCellInput, type ShellResult, type ShellSession, type ShellSessionOptions } from '../../../src/executor/shell/index.js';

/** A session in a fresh temporary directory (its cwd) with a private state directory beside it. */
export interface TestSession {
  session: ShellSession;
  dir: string;
  /** Runs a cell, collecting its output. */
  run(source: string, cell?: Partial<ShellCellInput>): Promise<ShellResult & { stdout: string; stderr: string }>;
  dispose(): Promise<void>;
}

let count = 0;

export function createTestSession(options: Partial<ShellSessionOptions> = {}): TestSession {
  const dir = mkdtempSync(join(tmpdir(), 'litops-shell-test-'));
  const session = createShellSession({
    cwd: dir,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, LITOPS_RUN_ID: 'test-run' },
    stateDir: join(dir, '.state'),
    ...options,
  });
  return {
    session,
    dir,
    async run(source, cell = {}) {
      const output = { stdout: '', stderr: '' };
      const result = await session.run({ id: `cell-${++count}`, source, ...cell }, { onOutput: (stream, chunk) => void (output[stream] += chunk) });
      return { ...result, ...output };
    },
    async dispose() {
      await session.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Whether a process still runs. A zombie counts as ended: where PID 1 reaps orphans
 * late (some container inits do it about once a second), an ended process stays a
 * zombie for a while, and `kill(pid, 0)` still succeeds on it.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return false;
  }
}
