import { randomBytes } from 'node:crypto';
import { formatArmor, parseArmor } from './armor.js';
import { ED25519, encodeEd25519PublicBlob, readBlobType, readEd25519PublicBlob } from './public-key.js';
import { createWireReader, encodeSshString, encodeUint32, SshFormatError } from './ssh-wire.js';

/**
 * The openssh-key-v1 private key format (OpenSSH's PROTOCOL.key): a header,
 * the public keys in clear, then the private keys, padded to the cipher's
 * block size (8 when unencrypted) and encrypted unless the cipher is "none".
 */

const LABEL = 'OPENSSH PRIVATE KEY';
const AUTH_MAGIC = Buffer.from('openssh-key-v1\0', 'latin1');
const BLOCK_SIZE = 8;

/** What a private key file says, before any passphrase. */
export interface OpenSshPrivateKey {
  /** `none` for an unencrypted key, else the cipher (`aes256-ctr`...). */
  cipher: string;
  /** The public key blob from the clear header. */
  publicKeyBlob: Buffer;
  /** Its type, `ssh-ed25519` or another. */
  keyType: string;
  /** The ed25519 seed (the first 32 bytes of the private key), for an unencrypted ed25519 key; else null. */
  seed: Buffer | null;
  /** The comment stored with the private key ('' when encrypted). */
  comment: string;
}

/** True when `text` looks like an openssh-key-v1 private key file. */
export function isOpenSshPrivateKey(text: string): boolean {
  return text.trimStart().startsWith(`-----BEGIN ${LABEL}-----`);
}

/** Parses a private key file. Throws SshFormatError when it is malformed. */
export function parseOpenSshPrivateKey(text: string): OpenSshPrivateKey {
  const bytes = parseArmor(LABEL, text);
  if (!bytes.subarray(0, AUTH_MAGIC.length).equals(AUTH_MAGIC)) throw new SshFormatError('not an openssh-key-v1 private key');
  const reader = createWireReader(bytes.subarray(AUTH_MAGIC.length), 'private key');
  const cipher = reader.readText();
  const kdf = reader.readText();
  reader.readString(); // kdf options
  const count = reader.readUint32();
  if (count !== 1) throw new SshFormatError(`the file holds ${count} keys; exactly one is supported`);
  const publicKeyBlob = Buffer.from(reader.readString());
  const keyType = readBlobType(publicKeyBlob);
  const section = reader.readString();
  if (reader.remaining() !== 0) throw new SshFormatError('private key has trailing bytes');
  if (cipher !== 'none' || kdf !== 'none') return { cipher, publicKeyBlob, keyType, seed: null, comment: '' };
  if (keyType !== ED25519) return { cipher, publicKeyBlob, keyType, seed: null, comment: '' };
  const { seed, comment } = readEd25519Section(section, publicKeyBlob);
  return { cipher, publicKeyBlob, keyType, seed, comment };
}

/** Reads the unencrypted private section of an ed25519 key and checks it against the public key. */
function readEd25519Section(section: Buffer, publicKeyBlob: Buffer): { seed: Buffer; comment: string } {
  const reader = createWireReader(section, 'private key');
  if (reader.readUint32() !== reader.readUint32()) throw new SshFormatError('private key check bytes differ (corrupt file)');
  const type = reader.readText();
  if (type !== ED25519) throw new SshFormatError(`private key type is ${type} but its public key is ${ED25519}`);
  const publicKey = reader.readString();
  const secret = reader.readString();
  const comment = reader.readString().toString('utf8');
  const padding = reader.readBytes(reader.remaining());
  const expected = readEd25519PublicBlob(publicKeyBlob);
  if (secret.length !== 64 || !publicKey.equals(expected) || !secret.subarray(32).equals(expected)) {
    throw new SshFormatError('private key does not match its public key (corrupt file)');
  }
  if (padding.length >= BLOCK_SIZE || padding.some((byte, index) => byte !== index + 1)) {
    throw new SshFormatError('private key padding is malformed (corrupt file)');
  }
  return { seed: Buffer.from(secret.subarray(0, 32)), comment };
}

/** An unencrypted openssh-key-v1 file for an ed25519 key, as `ssh-keygen -N ''` writes one. */
export function formatOpenSshPrivateKey(seed: Uint8Array, publicKey: Uint8Array, comment: string): string {
  const check = randomBytes(4);
  const body = Buffer.concat([
    check,
    check,
    encodeSshString(ED25519),
    encodeSshString(publicKey),
    encodeSshString(Buffer.concat([seed, publicKey])),
    encodeSshString(comment),
  ]);
  const padLength = (BLOCK_SIZE - (body.length % BLOCK_SIZE)) % BLOCK_SIZE;
  const padding = Buffer.from(Array.from({ length: padLength }, (_, index) => index + 1));
  const bytes = Buffer.concat([
    AUTH_MAGIC,
    encodeSshString('none'),
    encodeSshString('none'),
    encodeSshString(''),
    encodeUint32(1),
    encodeSshString(encodeEd25519PublicBlob(publicKey)),
    encodeSshString(Buffer.concat([body, padding])),
  ]);
  return formatArmor(LABEL, bytes);
}
