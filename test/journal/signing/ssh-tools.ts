import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/**
 * Test helpers around the real OpenSSH tools: ssh-keygen, ssh-agent, ssh-add.
 * Every tool runs with a controlled environment (no SSH_AUTH_SOCK of the
 * person running the tests, HOME in a temporary directory).
 */

/** How a tool ended. */
export interface ToolResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A temporary directory removed after the current test. */
export function useTempDir(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'litops-signing-test-'));
    dirs.push(dir);
    return dir;
  };
}

/** A minimal environment: PATH, and HOME in `dir`. */
export function makeEnv(dir: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: join(dir, 'home'), ...extra };
}

/** Runs `ssh-keygen ARGS` with `input` on stdin. */
export function sshKeygen(args: string[], options: { input?: string | Uint8Array; env?: Record<string, string> } = {}): ToolResult {
  const result = spawnSync('ssh-keygen', args, {
    input: options.input ?? '',
    env: options.env ?? { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `ssh-keygen -t ed25519 -N passphrase -C comment -f path`; returns the public key line. */
export function makeSshKey(path: string, options: { passphrase?: string; comment?: string; type?: string } = {}): string {
  const { passphrase = '', comment = 'test@litops', type = 'ed25519' } = options;
  const result = sshKeygen(['-q', '-t', type, '-N', passphrase, '-C', comment, '-f', path]);
  if (result.status !== 0) throw new Error(`ssh-keygen failed: ${result.stderr}`);
  return readFileSync(`${path}.pub`, 'utf8').trim();
}

/** The `SHA256:...` fingerprint ssh-keygen -l prints for a key file. */
export function fingerprintWithSshKeygen(path: string): string {
  const result = sshKeygen(['-l', '-E', 'sha256', '-f', path]);
  if (result.status !== 0) throw new Error(`ssh-keygen -l failed: ${result.stderr}`);
  return result.stdout.split(' ')[1] ?? '';
}

/** `ssh-keygen -Y sign -f key -n namespace` over `data`; returns the armored signature. */
export function signWithSshKeygen(keyPath: string, data: string | Uint8Array, namespace = 'litops', hashalg = 'sha512'): string {
  const result = sshKeygen(['-Y', 'sign', '-f', keyPath, '-n', namespace, '-O', `hashalg=${hashalg}`], { input: data });
  if (result.status !== 0) throw new Error(`ssh-keygen -Y sign failed: ${result.stderr}`);
  return result.stdout;
}

/** `ssh-keygen -Y verify` of `signature` over `data`, with an allowed_signers text. */
export function verifyWithSshKeygen(
  dir: string,
  options: {
    data: string | Uint8Array;
    signature: string;
    allowedSigners: string;
    principal: string;
    namespace?: string;
    verifyTime?: string;
    env?: Record<string, string>;
  },
): ToolResult {
  const signersPath = join(dir, 'allowed_signers');
  const signaturePath = join(dir, 'data.sig');
  writeFileSync(signersPath, options.allowedSigners);
  writeFileSync(signaturePath, options.signature);
  const args = ['-Y', 'verify', '-f', signersPath, '-I', options.principal, '-n', options.namespace ?? 'litops', '-s', signaturePath];
  if (options.verifyTime !== undefined) args.push('-O', `verify-time=${options.verifyTime}`);
  return sshKeygen(args, { input: options.data, ...(options.env ? { env: options.env } : {}) });
}

/** `ssh-keygen -Y check-novalidate`: a well-formed, valid signature, whoever made it. */
export function checkNovalidateWithSshKeygen(dir: string, data: string | Uint8Array, signature: string, namespace = 'litops'): ToolResult {
  const signaturePath = join(dir, 'check.sig');
  writeFileSync(signaturePath, signature);
  return sshKeygen(['-Y', 'check-novalidate', '-n', namespace, '-s', signaturePath], { input: data });
}

/** An ssh-agent of this test's own, on a socket in `dir`. */
export interface TestAgent {
  socket: string;
  /** ssh-add KEY, answering its passphrase prompt through SSH_ASKPASS. */
  add(keyPath: string, passphrase: string): void;
  stop(): Promise<void>;
}

/** Starts `ssh-agent -D -a dir/agent.sock` and waits for its socket. */
export async function startSshAgent(dir: string): Promise<TestAgent> {
  const socket = join(dir, 'agent.sock');
  const agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
  const exited = new Promise<void>((resolve) => agent.once('exit', () => resolve()));
  for (let waited = 0; !existsSync(socket); waited += 20) {
    if (waited > 5000 || agent.exitCode !== null) throw new Error('ssh-agent did not start');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const askpass = join(dir, 'askpass.sh');
  writeFileSync(askpass, '#!/bin/sh\nprintf \'%s\\n\' "$TEST_PASSPHRASE"\n');
  chmodSync(askpass, 0o700);
  return {
    socket,
    add(keyPath, passphrase) {
      const result = spawnSync('ssh-add', [keyPath], {
        input: '',
        encoding: 'utf8',
        timeout: 20_000,
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          SSH_AUTH_SOCK: socket,
          SSH_ASKPASS: askpass,
          SSH_ASKPASS_REQUIRE: 'force',
          DISPLAY: ':0',
          TEST_PASSPHRASE: passphrase,
        },
      });
      if (result.status !== 0) throw new Error(`ssh-add failed: ${result.stderr}`);
    },
    async stop() {
      if (agent.exitCode === null) agent.kill('SIGTERM');
      await exited;
    },
  };
}
