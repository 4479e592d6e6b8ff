import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSigner, type Signer } from '../../../src/journal/index.js';

/** An ed25519 key made by stock ssh-keygen, and an allowed_signers file for it. */
export interface TestKey {
  principal: string;
  keyPath: string;
  publicKey: string;
  allowedSigners: string;
  allowedSignersPath: string;
}

/** `ssh-keygen -t ed25519 -N '' -f <dir>/<name>`, as an operator would make one. */
export function createTestKey(dir: string, principal: string, name = 'id_litops'): TestKey {
  const keyPath = join(dir, name);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', principal, '-f', keyPath]);
  const publicKey = readFileSync(`${keyPath}.pub`, 'utf8').trim();
  const allowedSigners = `${principal} ${publicKey}\n`;
  const allowedSignersPath = join(dir, `${name}.allowed_signers`);
  writeFileSync(allowedSignersPath, allowedSigners);
  return { principal, keyPath, publicKey, allowedSigners, allowedSignersPath };
}

/** The real signer (src/journal/signing) over a key file. */
export function createKeySigner(key: TestKey): Promise<Signer> {
  return createSigner({ keyPath: key.keyPath, env: { PATH: process.env.PATH, HOME: '/nonexistent' } });
}

/** A minimal Signer that signs through stock `ssh-keygen -Y sign`: litops must accept what OpenSSH makes. */
export function createSshKeygenTestSigner(key: TestKey, fingerprint: string): Signer {
  return {
    publicKey: key.publicKey,
    fingerprint,
    ephemeral: false,
    source: 'test',
    keyPath: key.keyPath,
    sign: (data) =>
      new Promise((resolve, reject) => {
        const child = execFile('ssh-keygen', ['-q', '-Y', 'sign', '-f', key.keyPath, '-n', 'litops'], (error, stdout) => (error ? reject(error) : resolve(stdout)));
        child.stdin!.end(Buffer.from(data));
      }),
  };
}

/** `sha256sum -c --strict SHA256SUMS` in the run directory. */
export function runSha256sumCheck(runDir: string): { status: number | null; output: string } {
  const result = spawnSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: runDir, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** `ssh-keygen -Y verify -f allowed_signers -I principal -n litops -s <sig> < <data>`. */
export function runSshKeygenVerify(options: { allowedSignersPath: string; principal: string; signaturePath: string; data: Uint8Array }): { status: number | null; output: string } {
  const result = spawnSync('ssh-keygen', ['-Y', 'verify', '-f', options.allowedSignersPath, '-I', options.principal, '-n', 'litops', '-s', options.signaturePath], { input: options.data, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Writes an armored signature to a file, for `ssh-keygen -Y verify -s`. */
export function writeSignatureFile(path: string, armored: string): string {
  writeFileSync(path, armored);
  return path;
}
