import { UsageError } from '../../model/errors.js';
import { ED25519, parsePublicKeyLine } from './public-key.js';
import { SIGNATURE_NAMESPACE } from './signer.js';
import { SshFormatError } from './ssh-wire.js';

/**
 * The allowed_signers line that lets `principal` sign litops runs with
 * `publicKey`: `principal namespaces="litops" ssh-ed25519 AAAA...` (the key's
 * comment is dropped). The principal is written literally, so it may not hold
 * what the format would read as something else: whitespace, quotes, commas
 * (a list), `*` or `?` (wildcards), or a leading `!` (exclusion) or `#`
 * (a comment). Such a principal, or a key that is not ssh-ed25519, is a UsageError.
 */
export function formatAllowedSignersLine(principal: string, publicKey: string): string {
  if (principal === '' || /[\s",*?]/.test(principal) || /^[!#]/.test(principal)) {
    const rule = 'it must be non-empty, without spaces, quotes, commas, * or ?, and not start with ! or #';
    throw new UsageError(`cannot use ${JSON.stringify(principal)} as a signer principal: ${rule}`);
  }
  let key;
  try {
    key = parsePublicKeyLine(publicKey);
  } catch (error) {
    if (error instanceof SshFormatError) throw new UsageError(`cannot write an allowed_signers line: ${error.message}`, { cause: error });
    throw error;
  }
  if (key.type !== ED25519) throw new UsageError(`cannot write an allowed_signers line for a ${key.type} key: litops signs with ${ED25519}`);
  return `${principal} namespaces="${SIGNATURE_NAMESPACE}" ${key.type} ${key.blob.toString('base64')}`;
}
