import { spawn } from 'node:child_process';
import { LitopsError } from '../../model/errors.js';

/** How ssh-keygen ended. */
export interface SshKeygenResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Options for runSshKeygen. */
export interface RunSshKeygenOptions {
  /** The environment ssh-keygen sees (SSH_AUTH_SOCK for the agent). PATH defaults to this process's. */
  env: Record<string, string | undefined>;
  /** Written to its stdin, which is then closed. */
  input: Uint8Array;
  /** Killed after this long. Default 60 s: an agent may ask its user to confirm each use. */
  timeoutMs?: number;
}

/**
 * Runs `ssh-keygen ARGS` and returns how it ended. Its own failure is a
 * result; only failing to start it throws (LitopsError `ssh-keygen-missing`).
 */
export function runSshKeygen(args: readonly string[], options: RunSshKeygenOptions): Promise<SshKeygenResult> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.env)) if (value !== undefined) env[name] = value;
  env.PATH ??= process.env.PATH ?? '/usr/bin:/bin';
  return new Promise((resolve, reject) => {
    const child = spawn('ssh-keygen', args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 60_000);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    // ssh-keygen may exit before reading all of stdin; that shows in its exit code, not as EPIPE here.
    child.stdin.on('error', () => undefined);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new LitopsError('ssh-keygen-missing', `cannot run ssh-keygen (OpenSSH): ${error.message}`, { cause: error }));
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      const text = (chunks: Buffer[]): string => Buffer.concat(chunks).toString('utf8');
      resolve({ exitCode, stdout: text(stdout), stderr: text(stderr), timedOut });
    });
    child.stdin.end(options.input);
  });
}
