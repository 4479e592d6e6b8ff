import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LitopsError, UsageError } from '../../model/errors.js';
import type { SignerOrigin } from './create-node-signer.js';
import { formatPublicKeyLine, getBlobFingerprint } from './public-key.js';
import { runSshKeygen, type SshKeygenResult } from './run-ssh-keygen.js';
import { SIGNATURE_NAMESPACE, type Signer } from './signer.js';
import { verifySshSignature } from './verify-ssh-signature.js';

/** A key whose private half litops cannot read: encrypted, or held by ssh-agent. */
export interface AgentKey {
  /** The key file given (private key or `.pub`), for messages. */
  keyPath: string;
  /** The public key blob, from the file's clear part. */
  publicKeyBlob: Buffer;
  comment: string;
  /** Why the agent is needed, for messages: "is encrypted", "is a public key". */
  why: string;
}

const PROBE = Buffer.from('litops: can this key sign?\n');

/**
 * A signer that runs `ssh-keygen -Y sign -U -f KEY.pub -n litops -O hashalg=sha512`
 * with the data on stdin. `-U` makes ssh-keygen use the key in ssh-agent
 * (SSH_AUTH_SOCK in `env`) and never ask for a passphrase, which it could not
 * do at every checkpoint of an unattended run. KEY.pub is a temporary file
 * holding the public key read when the signer was made: given the private
 * key, ssh-keygen would take the key from the `.pub` beside it, which may be
 * another key or change during a run. Each signature is verified against the
 * expected key before it is returned. Failures are LitopsErrors:
 * `signing-failed` (ssh-keygen failed), `signing-bad-signature` (it returned
 * a signature that is not by the key, or not valid).
 *
 * Signs a probe first, so a key the agent does not hold fails here, with a
 * UsageError saying what to do, not in the middle of a run.
 */
export async function createSshKeygenSigner(key: AgentKey, origin: SignerOrigin, env: Record<string, string | undefined>): Promise<Signer> {
  const publicKey = formatPublicKeyLine(key.publicKeyBlob);
  const sign = async (data: Uint8Array): Promise<string> => {
    const result = await signWithAgent(publicKey, data, env);
    if (result.exitCode !== 0) {
      const said = result.stderr.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('Signing data on'));
      const why = result.timedOut ? 'timed out' : said.join('; ') || `exit code ${String(result.exitCode)}`;
      throw new LitopsError('signing-failed', `ssh-keygen could not sign with ${key.keyPath}: ${why}`);
    }
    const check = verifySshSignature(data, result.stdout, { namespace: SIGNATURE_NAMESPACE });
    if (!check.ok || check.publicKey !== publicKey) {
      const why = check.ok ? `it was made by another key, ${check.fingerprint}` : check.reason;
      throw new LitopsError('signing-bad-signature', `ssh-keygen returned a bad signature for ${key.keyPath}: ${why}`);
    }
    return result.stdout;
  };
  try {
    await sign(PROBE);
  } catch (error) {
    if (!(error instanceof LitopsError) || !error.code.startsWith('signing-')) throw error;
    const advice = error.code === 'signing-failed' ? `${getAgentAdvice(key.keyPath, env)}. ` : '';
    throw new UsageError(`signing key ${key.keyPath} ${key.why}, so litops signs through ssh-agent: ${advice}${error.message}`, {
      code: 'signing-key-agent',
      cause: error,
    });
  }
  return { publicKey: formatPublicKeyLine(key.publicKeyBlob, key.comment), fingerprint: getBlobFingerprint(key.publicKeyBlob), ...origin, sign };
}

function getAgentAdvice(keyPath: string, env: Record<string, string | undefined>): string {
  if (!env.SSH_AUTH_SOCK) return 'start ssh-agent, set SSH_AUTH_SOCK and add the key (ssh-add)';
  return `add it to ssh-agent (ssh-add ${keyPath.replace(/\.pub$/, '')})`;
}

/** Runs ssh-keygen -Y sign -U on a temporary copy of the public key. */
async function signWithAgent(publicKey: string, data: Uint8Array, env: Record<string, string | undefined>): Promise<SshKeygenResult> {
  const dir = await mkdtemp(join(tmpdir(), 'litops-sign-'));
  try {
    const publicKeyPath = join(dir, 'signing_key.pub');
    await writeFile(publicKeyPath, `${publicKey}\n`);
    const args = ['-Y', 'sign', '-U', '-f', publicKeyPath, '-n', SIGNATURE_NAMESPACE, '-O', 'hashalg=sha512'];
    return await runSshKeygen(args, { env, input: data });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
