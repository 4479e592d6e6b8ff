import { LitopsError } from '../../model/errors.js';

/**
 * SSH wire encoding (RFC 4251 section 5): `uint32` big-endian and `string` as
 * a uint32 length followed by that many bytes. Used by every OpenSSH format here.
 */

/** A uint32, big-endian. */
export function encodeUint32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value >>> 0);
  return bytes;
}

/** A `string`: length, then the bytes (text is UTF-8). */
export function encodeSshString(value: Uint8Array | string): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
  return Buffer.concat([encodeUint32(bytes.length), bytes]);
}

/** Reads wire values in order; every read past the end throws. */
export interface WireReader {
  readUint32(): number;
  readString(): Buffer;
  /** A string that must be printable ASCII or UTF-8 text (names, namespaces, comments). */
  readText(): string;
  readBytes(length: number): Buffer;
  /** Bytes not read yet. */
  remaining(): number;
}

/** Thrown by WireReader (and the parsers built on it) for malformed input. */
export class SshFormatError extends LitopsError {
  constructor(message: string) {
    super('ssh-format', message);
    this.name = 'SshFormatError';
  }
}

/** A reader over `bytes`; `what` names the structure in error messages ("SSHSIG blob"). */
export function createWireReader(bytes: Uint8Array, what: string): WireReader {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  const readBytes = (length: number): Buffer => {
    if (length > buffer.length - offset) throw new SshFormatError(`${what} is truncated`);
    const slice = buffer.subarray(offset, offset + length);
    offset += length;
    return slice;
  };
  const readUint32 = (): number => readBytes(4).readUInt32BE(0);
  const readString = (): Buffer => readBytes(readUint32());
  return {
    readUint32,
    readString,
    readText: () => {
      const raw = readString();
      const text = raw.toString('utf8');
      if (!Buffer.from(text, 'utf8').equals(raw)) throw new SshFormatError(`${what} holds a name that is not UTF-8`);
      return text;
    },
    readBytes,
    remaining: () => buffer.length - offset,
  };
}
