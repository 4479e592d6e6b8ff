import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { UsageError } from '../../model/errors.js';
import { createWireReader, encodeSshString, SshFormatError } from './ssh-wire.js';

/** The only key type litops signs and verifies with. */
export const ED25519 = 'ssh-ed25519';

/** A public key line taken apart: `type base64 [comment]`. */
export interface PublicKeyLine {
  /** `ssh-ed25519`, `ssh-rsa`, ... as written, checked against the blob's own type. */
  type: string;
  /** The decoded key blob (SSH wire encoding, starting with the type). */
  blob: Buffer;
  /** The rest of the line, or '' when there is none. */
  comment: string;
}

/** The wire blob of an ed25519 public key: string "ssh-ed25519", string key(32). */
export function encodeEd25519PublicBlob(rawKey: Uint8Array): Buffer {
  return Buffer.concat([encodeSshString(ED25519), encodeSshString(rawKey)]);
}

/** The key type a blob starts with. */
export function readBlobType(blob: Uint8Array): string {
  return createWireReader(blob, 'public key').readText();
}

/** The 32 raw bytes of an ed25519 public key blob; SshFormatError for any other blob. */
export function readEd25519PublicBlob(blob: Uint8Array): Buffer {
  const reader = createWireReader(blob, 'public key');
  const type = reader.readText();
  if (type !== ED25519) throw new SshFormatError(`key type is ${type}, not ${ED25519}`);
  const key = reader.readString();
  if (key.length !== 32 || reader.remaining() !== 0) throw new SshFormatError('malformed ssh-ed25519 public key');
  return key;
}

/** `type base64` and, when given, ` comment`. */
export function formatPublicKeyLine(blob: Uint8Array, comment = ''): string {
  const key = `${readBlobType(blob)} ${Buffer.from(blob).toString('base64')}`;
  return comment === '' ? key : `${key} ${comment}`;
}

/**
 * Parses `type base64 [comment]` (an OpenSSH `.pub` line, or the key part of
 * an allowed_signers line). Throws SshFormatError when the base64 is not an
 * SSH key blob or its type differs from the one written before it.
 */
export function parsePublicKeyLine(line: string): PublicKeyLine {
  const match = /^\s*(\S+)[ \t]+([A-Za-z0-9+/]+={0,2})(?:[ \t]+(.*?))?\s*$/.exec(line);
  if (match === null) throw new SshFormatError('not an OpenSSH public key ("type base64 [comment]")');
  const [, type = '', base64 = '', comment = ''] = match;
  const blob = Buffer.from(base64, 'base64');
  if (blob.toString('base64') !== base64) throw new SshFormatError('the public key is not valid base64');
  const blobType = readBlobType(blob);
  if (blobType !== type) throw new SshFormatError(`the public key says ${type} but holds a ${blobType} key`);
  return { type, blob, comment };
}

/** `SHA256:` and the unpadded base64 SHA-256 of a key blob, as `ssh-keygen -l` prints it. */
export function getBlobFingerprint(blob: Uint8Array): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/**
 * The fingerprint of a public key line (`ssh-ed25519 AAAA... [comment]`, any
 * key type), as `ssh-keygen -l` prints it: `SHA256:` and unpadded base64.
 * Throws UsageError when `publicKey` is not an OpenSSH public key line.
 */
export function getFingerprint(publicKey: string): string {
  try {
    return getBlobFingerprint(parsePublicKeyLine(publicKey).blob);
  } catch (error) {
    if (error instanceof SshFormatError) throw new UsageError(`cannot fingerprint the public key: ${error.message}`, { cause: error });
    throw error;
  }
}

/** A Node public key for the 32 raw bytes of an ed25519 key. */
export function createEd25519PublicKey(rawKey: Uint8Array): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(rawKey).toString('base64url') }, format: 'jwk' });
}
