import { createHash } from 'node:crypto';
import { formatArmor, parseArmor } from './armor.js';
import { createWireReader, encodeSshString, encodeUint32, SshFormatError } from './ssh-wire.js';

/**
 * The SSHSIG format (OpenSSH's PROTOCOL.sshsig): what is signed, the blob
 * that carries the signature, and its armor.
 */

const MAGIC = Buffer.from('SSHSIG', 'latin1');
const VERSION = 1;
const LABEL = 'SSH SIGNATURE';

/** The hash algorithms SSHSIG allows. */
export type SshSigHash = 'sha256' | 'sha512';

/** The fields of an SSHSIG blob. */
export interface SshSigBlob {
  publicKeyBlob: Buffer;
  namespace: string;
  /** Ignored when verifying, as PROTOCOL.sshsig says and ssh-keygen does. */
  reserved: Buffer;
  hashAlgorithm: string;
  /** The SSH signature: string algorithm, string signature bytes. */
  signature: Buffer;
}

/**
 * The bytes the key signs: MAGIC, namespace, reserved (empty), hash
 * algorithm and the hash of `data`.
 */
export function buildSignedData(namespace: string, hashAlgorithm: SshSigHash, data: Uint8Array): Buffer {
  return Buffer.concat([
    MAGIC,
    encodeSshString(namespace),
    encodeSshString(''),
    encodeSshString(hashAlgorithm),
    encodeSshString(createHash(hashAlgorithm).update(data).digest()),
  ]);
}

/** The armored signature (`-----BEGIN SSH SIGNATURE-----`...) for an SSHSIG blob. */
export function formatSshSignature(blob: Omit<SshSigBlob, 'reserved'>): string {
  const bytes = Buffer.concat([
    MAGIC,
    encodeUint32(VERSION),
    encodeSshString(blob.publicKeyBlob),
    encodeSshString(blob.namespace),
    encodeSshString(''),
    encodeSshString(blob.hashAlgorithm),
    encodeSshString(blob.signature),
  ]);
  return formatArmor(LABEL, bytes);
}

/** Takes an armored signature apart. Throws SshFormatError with a one-line reason. */
export function parseSshSignature(armored: string): SshSigBlob {
  const bytes = parseArmor(LABEL, armored);
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new SshFormatError('not an SSHSIG signature (bad magic)');
  const reader = createWireReader(bytes.subarray(MAGIC.length), 'signature');
  const version = reader.readUint32();
  if (version !== VERSION) throw new SshFormatError(`SSHSIG version ${version} is not supported (expected ${VERSION})`);
  const blob: SshSigBlob = {
    publicKeyBlob: Buffer.from(reader.readString()),
    namespace: reader.readText(),
    reserved: Buffer.from(reader.readString()),
    hashAlgorithm: reader.readText(),
    signature: Buffer.from(reader.readString()),
  };
  if (reader.remaining() !== 0) throw new SshFormatError('signature has trailing bytes');
  return blob;
}
