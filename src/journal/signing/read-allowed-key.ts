import { readBlobType } from './public-key.js';
import { SshFormatError } from './ssh-wire.js';

/**
 * Key type names OpenSSH reads in key files, and the blob type each stands
 * for (sshkey.c: a name must map to the type its blob says; the rsa-sha2
 * signature names stand for ssh-rsa keys).
 */
const BLOB_TYPE_BY_NAME: Record<string, string> = {
  'ssh-rsa': 'ssh-rsa',
  'rsa-sha2-256': 'ssh-rsa',
  'rsa-sha2-512': 'ssh-rsa',
  'ssh-rsa-cert-v01@openssh.com': 'ssh-rsa-cert-v01@openssh.com',
  'rsa-sha2-256-cert-v01@openssh.com': 'ssh-rsa-cert-v01@openssh.com',
  'rsa-sha2-512-cert-v01@openssh.com': 'ssh-rsa-cert-v01@openssh.com',
};
for (const name of [
  'ssh-ed25519',
  'sk-ssh-ed25519@openssh.com',
  'ssh-dss',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'sk-ecdsa-sha2-nistp256@openssh.com',
]) {
  BLOB_TYPE_BY_NAME[name] = name;
  const cert = name.replace(/(@openssh\.com)?$/, '-cert-v01@openssh.com');
  BLOB_TYPE_BY_NAME[cert] = cert;
}

/** A key read from the start of some text. */
export interface AllowedKey {
  /** `type base64`: the blob's own type name, no comment. */
  publicKey: string;
  blob: Buffer;
}

/**
 * Reads `type base64` from the start of `text` as sshkey_read does, or
 * returns null when there is no key there. What follows (a comment) is ignored.
 */
export function readAllowedKey(text: string): AllowedKey | null {
  const match = /^([^ \t]*)[ \t]+([^ \t\r\n]*)/.exec(text);
  if (match === null) return null;
  const [, name = '', base64 = ''] = match;
  const expected = BLOB_TYPE_BY_NAME[name];
  if (expected === undefined || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return null;
  const blob = Buffer.from(base64, 'base64');
  try {
    const type = readBlobType(blob);
    if (type !== expected) return null;
    return { publicKey: `${type} ${blob.toString('base64')}`, blob };
  } catch (error) {
    if (error instanceof SshFormatError) return null;
    throw error;
  }
}
