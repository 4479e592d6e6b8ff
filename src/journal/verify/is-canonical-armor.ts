const ARMOR = /^-----BEGIN SSH SIGNATURE-----\n((?:[A-Za-z0-9+/=]+\n)+)-----END SSH SIGNATURE-----\n$/;

/**
 * True when an armored SSHSIG file is exactly as a signer writes it: the two
 * marker lines, body lines of one width (the last may be shorter) of at most
 * 76 characters, canonical base64 (no stray padding bits), a final newline.
 * Base64 decoders ignore such variations, so without this check a signature
 * file could change and still verify.
 */
export function isCanonicalArmor(text: string): boolean {
  const match = ARMOR.exec(text);
  if (!match) return false;
  const body = match[1]!.slice(0, -1).split('\n');
  const width = body[0]!.length;
  if (width > 76 || body.some((line, index) => (index < body.length - 1 ? line.length !== width : line.length > width))) return false;
  const base64 = body.join('');
  return Buffer.from(base64, 'base64').toString('base64') === base64;
}
