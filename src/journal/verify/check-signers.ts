import { UsageError } from '../../model/errors.js';
import { EVENTS_FILE, SIGNATURE_NAMESPACE } from '../run-dir-layout.js';
import { isAllowedSigner, parseAllowedSigners } from '../signing/index.js';
import type { RunKey } from './check-checkpoints.js';

/**
 * With an allowed_signers text: each key the run was signed with (run.start's,
 * then each run.resume's) must be allowed for the principal that line names,
 * in namespace litops. Without one: says who signed, unchecked.
 */
export function checkSigners(keys: RunKey[], allowedSigners: string | undefined): { problem: string | null; checked: string[] } {
  const distinct = keys.filter((key, index) => keys.findIndex((other) => other.principal === key.principal && other.keyFingerprint === key.keyFingerprint) === index);
  if (allowedSigners === undefined) {
    return { problem: null, checked: distinct.map((key) => `signer: ${key.principal} with ${key.ephemeralKey ? 'an ephemeral key' : 'key'} ${key.keyFingerprint} (no allowed signers file given: not checked against one)`) };
  }
  let entries: ReturnType<typeof parseAllowedSigners>;
  try {
    entries = parseAllowedSigners(allowedSigners);
  } catch (error) {
    throw new UsageError(`the allowed signers file is not valid: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const checked: string[] = [];
  for (const key of distinct) {
    if (!isAllowedSigner(entries, key.principal, key.publicKey, SIGNATURE_NAMESPACE)) {
      return { problem: `allowed signers: ${key.principal} may not sign with ${key.keyFingerprint} in namespace ${SIGNATURE_NAMESPACE} (${key.line.record.type}, ${EVENTS_FILE} line ${key.line.number})`, checked };
    }
    checked.push(`allowed signers: ${key.principal} may sign with ${key.keyFingerprint}`);
  }
  return { problem: null, checked };
}
