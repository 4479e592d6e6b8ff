import { generateKeyPairSync } from 'node:crypto';
import { UsageError } from '../../model/errors.js';
import { formatOpenSshPrivateKey } from './openssh-private-key.js';
import { encodeEd25519PublicBlob, formatPublicKeyLine, getBlobFingerprint } from './public-key.js';

/** A new key in OpenSSH's formats. */
export interface GeneratedKeyPair {
  /** The private key file's text: unencrypted openssh-key-v1 PEM, as `ssh-keygen -t ed25519 -N ''` writes it. */
  privateKey: string;
  /** One line, `ssh-ed25519 AAAA... comment` (no comment when it is ''), no newline. */
  publicKey: string;
  /** `SHA256:...`, as `ssh-keygen -l` prints it. */
  fingerprint: string;
}

/** A fresh ed25519 key pair. `comment` (default '') goes in both files, as ssh-keygen's `-C`. */
export async function generateKeyPair(comment = ''): Promise<GeneratedKeyPair> {
  if (/[\r\n]/.test(comment)) throw new UsageError('a key comment cannot hold a line break');
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  const seed = Buffer.from(jwk.d ?? '', 'base64url');
  const publicKey = Buffer.from(jwk.x ?? '', 'base64url');
  const blob = encodeEd25519PublicBlob(publicKey);
  return {
    privateKey: formatOpenSshPrivateKey(seed, publicKey, comment),
    publicKey: formatPublicKeyLine(blob, comment),
    fingerprint: getBlobFingerprint(blob),
  };
}
