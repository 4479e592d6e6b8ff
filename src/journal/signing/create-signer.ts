import { generateKeyPairSync } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createNodeSigner } from './create-node-signer.js';
import { getDefaultKeyPath } from './get-default-key-path.js';
import { loadSigningKey } from './load-signing-key.js';
import type { Signer } from './signer.js';

/** Which key to sign with. */
export interface CreateSignerOptions {
  /** `--key PATH`; relative to the working directory, `~/` for the home directory. Default: none. */
  keyPath?: string | null;
  /** The environment: LITOPS_SIGNING_KEY, XDG_CONFIG_HOME, HOME, SSH_AUTH_SOCK, PATH. */
  env: Record<string, string | undefined>;
}

/**
 * The signer for a run. The key is, in order: `--key`, else the path in
 * LITOPS_SIGNING_KEY, else the default key (getDefaultKeyPath) if that file
 * exists, else a fresh in-memory ed25519 key (`ephemeral: true`).
 *
 * A key that was named (or the default one, once it exists) but is missing,
 * unreadable, readable by others, not ed25519, malformed, or encrypted and
 * not in ssh-agent is a UsageError (exit 2): litops never falls back to an
 * ephemeral key when a real one was meant.
 */
export async function createSigner(options: CreateSignerOptions): Promise<Signer> {
  const { env } = options;
  const named = nonEmpty(options.keyPath) ?? nonEmpty(env.LITOPS_SIGNING_KEY);
  if (named !== undefined) {
    const source = nonEmpty(options.keyPath) !== undefined ? '--key' : 'LITOPS_SIGNING_KEY';
    return loadSigningKey({ source, keyPath: expandPath(named, env), ephemeral: false }, env);
  }
  const defaultPath = resolve(getDefaultKeyPath(env));
  if (await exists(defaultPath)) return loadSigningKey({ source: 'default', keyPath: defaultPath, ephemeral: false }, env);
  return createEphemeralSigner();
}

function createEphemeralSigner(): Signer {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  const key = { seed: Buffer.from(jwk.d ?? '', 'base64url'), publicKey: Buffer.from(jwk.x ?? '', 'base64url'), comment: 'litops-ephemeral' };
  return createNodeSigner(key, { source: 'ephemeral', keyPath: null, ephemeral: true });
}

function nonEmpty(value: string | null | undefined): string | undefined {
  return value === null || value === undefined || value === '' ? undefined : value;
}

function expandPath(path: string, env: Record<string, string | undefined>): string {
  if (path.startsWith('~/') && env.HOME) return resolve(env.HOME, path.slice(2));
  return resolve(path);
}

/** True when something is at `path`, even a file litops cannot read (that is for loadSigningKey to report). */
async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return false;
    return true;
  }
}
