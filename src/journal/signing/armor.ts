import { SshFormatError } from './ssh-wire.js';

/** Base64 line length OpenSSH writes in armored signatures and private keys. */
const LINE_LENGTH = 70;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Wraps `bytes` as `-----BEGIN <label>-----`, base64 in lines of 70, and
 * `-----END <label>-----` with a final newline, byte for byte as ssh-keygen writes it.
 */
export function formatArmor(label: string, bytes: Uint8Array): string {
  const base64 = Buffer.from(bytes).toString('base64');
  const lines = [];
  for (let start = 0; start < base64.length; start += LINE_LENGTH) lines.push(base64.slice(start, start + LINE_LENGTH));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * The bytes inside `-----BEGIN <label>-----` ... `-----END <label>-----`.
 * Leading and trailing whitespace and CRLF line ends are accepted; anything
 * else around or inside the armor (a missing footer, a stray character,
 * base64 that does not decode exactly) is an SshFormatError.
 */
export function parseArmor(label: string, text: string): Buffer {
  const begin = `-----BEGIN ${label}-----`;
  const end = `-----END ${label}-----`;
  const trimmed = text.trim();
  if (!trimmed.startsWith(begin)) throw new SshFormatError(`does not start with "${begin}"`);
  if (!trimmed.endsWith(end)) throw new SshFormatError(`does not end with "${end}" (truncated?)`);
  const body = trimmed.slice(begin.length, trimmed.length - end.length).replace(/[\r\n]+/g, '');
  if (body === '' || !BASE64.test(body) || body.length % 4 !== 0) {
    throw new SshFormatError(`the text between the "${label}" armor lines is not base64 (truncated?)`);
  }
  return Buffer.from(body, 'base64');
}
