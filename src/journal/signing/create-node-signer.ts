import { createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { encodeEd25519PublicBlob, formatPublicKeyLine, getBlobFingerprint } from './public-key.js';
import { SIGNATURE_NAMESPACE, type Signer } from './signer.js';
import { buildSignedData, formatSshSignature } from './sshsig.js';
import { encodeSshString, SshFormatError } from './ssh-wire.js';

/** An ed25519 key Node holds: the 32-byte seed and 32-byte public key. */
export interface NodeSigningKey {
  seed: Uint8Array;
  publicKey: Uint8Array;
  comment: string;
}

/** Where a signer's key came from (Signer's fields of the same names). */
export interface SignerOrigin {
  source: string;
  keyPath: string | null;
  ephemeral: boolean;
}

/**
 * A signer that signs in-process with Node's crypto. Ed25519 is
 * deterministic, so its signatures are byte for byte those of
 * `ssh-keygen -Y sign -n litops` with the same key. Throws SshFormatError
 * when the seed does not derive the public key (a corrupt key file).
 */
export function createNodeSigner(key: NodeSigningKey, origin: SignerOrigin): Signer {
  const privateKey = createPrivateKey({
    key: {
      kty: 'OKP',
      crv: 'Ed25519',
      d: Buffer.from(key.seed).toString('base64url'),
      x: Buffer.from(key.publicKey).toString('base64url'),
    },
    format: 'jwk',
  });
  // Node takes `x` on trust; a key whose seed derives another public key would sign under a false name.
  const derived = createPublicKey(privateKey).export({ format: 'jwk' }).x;
  if (derived !== Buffer.from(key.publicKey).toString('base64url')) {
    throw new SshFormatError('private key does not match its public key (corrupt file)');
  }
  const publicKeyBlob = encodeEd25519PublicBlob(key.publicKey);
  return {
    publicKey: formatPublicKeyLine(publicKeyBlob, key.comment),
    fingerprint: getBlobFingerprint(publicKeyBlob),
    ...origin,
    sign: async (data) => {
      const signature = sign(null, buildSignedData(SIGNATURE_NAMESPACE, 'sha512', data), privateKey);
      return formatSshSignature({
        publicKeyBlob,
        namespace: SIGNATURE_NAMESPACE,
        hashAlgorithm: 'sha512',
        signature: Buffer.concat([encodeSshString('ssh-ed25519'), encodeSshString(signature)]),
      });
    },
  };
}
