import { readFile, stat } from 'node:fs/promises';
import { UsageError } from '../../model/errors.js';
import { createNodeSigner, type SignerOrigin } from './create-node-signer.js';
import { createSshKeygenSigner } from './create-ssh-keygen-signer.js';
import { isOpenSshPrivateKey, parseOpenSshPrivateKey } from './openssh-private-key.js';
import { ED25519, parsePublicKeyLine, readEd25519PublicBlob } from './public-key.js';
import type { Signer } from './signer.js';
import { SshFormatError } from './ssh-wire.js';

const MAX_KEY_FILE_BYTES = 1 << 20;

/**
 * A signer for the key file `origin.keyPath` (absolute). An unencrypted
 * OpenSSH ed25519 private key signs in-process; an encrypted one, or a
 * `.pub` line whose private half ssh-agent holds, signs through ssh-keygen
 * and the agent. Like ssh, a private key that others may read is refused.
 * Every problem is a UsageError naming the file and where it came from.
 */
export async function loadSigningKey(origin: SignerOrigin & { keyPath: string }, env: Record<string, string | undefined>): Promise<Signer> {
  const path = origin.keyPath;
  const fail = (problem: string, cause?: unknown): UsageError =>
    new UsageError(`signing key ${path} (${describeSource(origin.source)}) ${problem}`, { code: 'signing-key', cause });
  const text = await readKeyFile(path, fail);
  try {
    if (isOpenSshPrivateKey(text)) {
      const key = parseOpenSshPrivateKey(text);
      if (key.keyType !== ED25519) throw fail(`is an ${key.keyType} key; litops signs with ${ED25519} keys only (litops keygen makes one)`);
      await checkPermissions(path, fail);
      if (key.seed !== null) {
        return createNodeSigner({ seed: key.seed, publicKey: readEd25519PublicBlob(key.publicKeyBlob), comment: key.comment }, origin);
      }
      const comment = await readPublicComment(`${path}.pub`, key.publicKeyBlob);
      return await createSshKeygenSigner({ keyPath: path, publicKeyBlob: key.publicKeyBlob, comment, why: 'is encrypted' }, origin, env);
    }
    if (/^-----BEGIN /.test(text.trimStart())) {
      const header = text.trimStart().split('\n')[0]?.trim() ?? '';
      throw fail(`is not an OpenSSH private key (${header}); litops reads ${ED25519} keys in OpenSSH's format (litops keygen makes one)`);
    }
    const line = parsePublicKeyLine(text.split('\n')[0] ?? '');
    if (line.type !== ED25519) throw fail(`is an ${line.type} public key; litops signs with ${ED25519} keys only`);
    readEd25519PublicBlob(line.blob);
    return await createSshKeygenSigner({ keyPath: path, publicKeyBlob: line.blob, comment: line.comment, why: 'is a public key' }, origin, env);
  } catch (error) {
    if (error instanceof SshFormatError) throw fail(`is not a valid OpenSSH key: ${error.message}`, error);
    throw error;
  }
}

function describeSource(source: string): string {
  if (source === 'default') return 'the default key';
  return `from ${source}`;
}

async function readKeyFile(path: string, fail: (problem: string, cause?: unknown) => UsageError): Promise<string> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw fail('is not a file');
    if (info.size > MAX_KEY_FILE_BYTES) throw fail('is too large to be a key');
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw fail('does not exist', error);
    if (code === 'EACCES') throw fail('cannot be read (permission denied)', error);
    throw fail(`cannot be read: ${(error as Error).message}`, error);
  }
}

async function checkPermissions(path: string, fail: (problem: string) => UsageError): Promise<void> {
  const info = await stat(path);
  const ownedByUs = process.getuid === undefined || info.uid === process.getuid();
  if (ownedByUs && (info.mode & 0o077) !== 0) {
    const mode = (info.mode & 0o777).toString(8).padStart(4, '0');
    throw fail(`is readable by others (mode ${mode}); ssh refuses such keys, and so does litops: chmod 600 ${path}`);
  }
}

/** The comment of the `.pub` beside an encrypted key, when it is that key's. */
async function readPublicComment(path: string, publicKeyBlob: Buffer): Promise<string> {
  try {
    const line = parsePublicKeyLine((await readFile(path, 'utf8')).split('\n')[0] ?? '');
    return line.blob.equals(publicKeyBlob) ? line.comment : '';
  } catch {
    return '';
  }
}
