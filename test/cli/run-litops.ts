import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The package root and the real bin, as a user runs it. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/litops.js', import.meta.url));
export const SEEDS_DIR = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url));

export interface LitopsResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunLitopsOptions {
  /** Added to (or, when undefined, removed from) the inherited environment. NO_COLOR=1 and no npm_command unless given. */
  env?: Record<string, string | undefined>;
  /** Arguments for node itself, before the bin (e.g. `--import`). */
  nodeArgs?: string[];
  cwd?: string;
  uid?: number;
  gid?: number;
  /** Default: 20 s. */
  timeoutMs?: number;
}

/** Runs `node bin/litops.js ...args` with stdin closed and collects its output and exit code. */
export function runLitops(args: string[], options: RunLitopsOptions = {}): Promise<LitopsResult> {
  return runNode([...(options.nodeArgs ?? []), BIN, ...args], options);
}

/** Runs `node ...args` the same way. */
export function runNode(args: string[], options: RunLitopsOptions = {}): Promise<LitopsResult> {
  // npm_command: vitest itself runs under npx; litops would then write its hints as `npx litops`.
  const env: Record<string, string | undefined> = { ...process.env, FORCE_COLOR: undefined, NO_COLOR: '1', npm_command: undefined, ...options.env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: options.cwd ?? ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 20_000,
      ...(options.uid === undefined ? {} : { uid: options.uid }),
      ...(options.gid === undefined ? {} : { gid: options.gid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The lines of `text` without the final newline. */
export function getLines(text: string): string[] {
  return text.replace(/\n$/, '').split('\n');
}
