import { mkdir, open, unlink } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ExitCode, LitopsError } from '../../model/errors.js';
import { generateKeyPair } from './generate-key-pair.js';

/** The key files written, and the key. */
export interface WrittenKeyPair {
  privateKeyPath: string;
  publicKeyPath: string;
  /** `ssh-ed25519 AAAA... comment` */
  publicKey: string;
  fingerprint: string;
}

/**
 * Makes an ed25519 key and writes it as ssh-keygen would: the private key at
 * `path` (mode 0600, unencrypted openssh-key-v1) and the public key at
 * `path.pub` (0644), each fsynced; missing directories are made with mode 0700.
 * An existing file at either path is never overwritten: LitopsError
 * `signing-key-exists`, exit 2.
 */
export async function writeKeyPair(path: string, comment: string): Promise<WrittenKeyPair> {
  const privateKeyPath = resolve(path);
  const publicKeyPath = `${privateKeyPath}.pub`;
  const pair = await generateKeyPair(comment);
  try {
    await mkdir(dirname(privateKeyPath), { recursive: true, mode: 0o700 });
  } catch (error) {
    const message = `cannot create the directory for ${privateKeyPath}: ${(error as Error).message}`;
    throw new LitopsError('signing-key-write', message, { exitCode: ExitCode.usage, cause: error });
  }
  await writeNewFile(privateKeyPath, pair.privateKey, 0o600);
  try {
    await writeNewFile(publicKeyPath, `${pair.publicKey}\n`, 0o644);
  } catch (error) {
    await unlink(privateKeyPath);
    throw error;
  }
  return { privateKeyPath, publicKeyPath, publicKey: pair.publicKey, fingerprint: pair.fingerprint };
}

/** Creates `path` (failing if anything is there), writes `text`, sets `mode` whatever the umask, fsyncs. */
async function writeNewFile(path: string, text: string, mode: number): Promise<void> {
  let file;
  try {
    file = await open(path, 'wx', mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new LitopsError('signing-key-exists', `${path} already exists; litops does not overwrite keys (remove it, or choose another path)`, {
        exitCode: ExitCode.usage,
        cause: error,
      });
    }
    throw new LitopsError('signing-key-write', `cannot create ${path}: ${(error as Error).message}`, { exitCode: ExitCode.usage, cause: error });
  }
  try {
    await file.chmod(mode);
    await file.writeFile(text, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
}
