import { verify } from 'node:crypto';
import {
  createEd25519PublicKey,
  ED25519,
  formatPublicKeyLine,
  getBlobFingerprint,
  readBlobType,
  readEd25519PublicBlob,
} from './public-key.js';
import { buildSignedData, parseSshSignature, type SshSigHash } from './sshsig.js';
import { createWireReader, SshFormatError } from './ssh-wire.js';

/** What to expect of a signature. */
export interface VerifySshSignatureOptions {
  /** The namespace the signature must carry (`litops`). */
  namespace: string;
}

/** A good signature names its key; a bad one says why, in one line. */
export type SshSignatureCheck =
  | { ok: true; publicKey: string; fingerprint: string }
  | { ok: false; reason: string };

const HASHES: readonly string[] = ['sha256', 'sha512'] satisfies SshSigHash[];

/**
 * Verifies an armored SSHSIG signature over `data` with Node's crypto alone,
 * as `ssh-keygen -Y check-novalidate` does: structure, version, namespace,
 * hash algorithm, then the ed25519 signature over the signed data of
 * PROTOCOL.sshsig. It says which key signed (`ssh-ed25519 AAAA...`, no
 * comment) but not whether that key may sign: see isAllowedSigner.
 * Only ssh-ed25519 keys are supported; others fail with a reason.
 */
export function verifySshSignature(data: Uint8Array, armored: string, options: VerifySshSignatureOptions): SshSignatureCheck {
  try {
    const blob = parseSshSignature(armored);
    if (blob.namespace !== options.namespace) {
      return { ok: false, reason: `namespace is ${JSON.stringify(blob.namespace)}, expected ${JSON.stringify(options.namespace)}` };
    }
    if (!HASHES.includes(blob.hashAlgorithm)) {
      return { ok: false, reason: `hash algorithm ${JSON.stringify(blob.hashAlgorithm)} is not sha256 or sha512` };
    }
    const keyType = readBlobType(blob.publicKeyBlob);
    if (keyType !== ED25519) return { ok: false, reason: `key type ${keyType} is not supported (only ${ED25519})` };
    const rawKey = readEd25519PublicBlob(blob.publicKeyBlob);
    const signature = createWireReader(blob.signature, 'signature');
    const algorithm = signature.readText();
    const bytes = signature.readString();
    if (algorithm !== ED25519 || bytes.length !== 64 || signature.remaining() !== 0) {
      return { ok: false, reason: `signature is not a ${ED25519} signature` };
    }
    const signed = buildSignedData(options.namespace, blob.hashAlgorithm as SshSigHash, data);
    if (!verify(null, signed, createEd25519PublicKey(rawKey), bytes)) return { ok: false, reason: 'signature does not match' };
    return { ok: true, publicKey: formatPublicKeyLine(blob.publicKeyBlob), fingerprint: getBlobFingerprint(blob.publicKeyBlob) };
  } catch (error) {
    if (error instanceof SshFormatError) return { ok: false, reason: `malformed signature: ${error.message}` };
    // Node rejecting a key or signature it cannot use is a bad signature too, not a crash of verify.
    return { ok: false, reason: `cannot verify the signature: ${error instanceof Error ? error.message : String(error)}` };
  }
}
