import { matchPatternList } from './match-pattern-list.js';
import { parseAbsoluteTime } from './parse-absolute-time.js';
import type { AllowedSigner } from './parse-allowed-signers.js';
import { readAllowedKey } from './read-allowed-key.js';

/** When to check `valid-after` and `valid-before`. */
export interface IsAllowedSignerOptions {
  /** The verification time, as ssh-keygen's `-O verify-time`. Default: now. */
  at?: Date;
}

/**
 * Whether `principal` may sign with `publicKey` (`type base64 [comment]`) in
 * `namespace`, by the allowed signers `entries`, deciding as
 * `ssh-keygen -Y verify -f FILE -I principal -n namespace` does: some line
 * must list the principal (one of its patterns matches and none of its `!`
 * patterns does), have the key `publicKey`, not be a `cert-authority` line
 * (litops signs with plain keys, never certificates), allow the namespace
 * when it has `namespaces`, and be within `valid-after`/`valid-before`.
 * Invalid lines (with `error`) are skipped, as ssh-keygen skips them after
 * logging them.
 */
export function isAllowedSigner(
  entries: readonly AllowedSigner[],
  principal: string,
  publicKey: string,
  namespace: string,
  options: IsAllowedSignerOptions = {},
): boolean {
  const wanted = readAllowedKey(publicKey.trim());
  if (wanted === null) return false;
  const now = Math.floor((options.at ?? new Date()).getTime() / 1000);
  for (const entry of entries) {
    if (entry.error !== undefined || matchPatternList(principal, entry.principals.join(',')) !== 1) continue;
    if (entry.options['cert-authority'] === true || entry.publicKey !== wanted.publicKey) continue;
    const { namespaces } = entry.options;
    if (typeof namespaces === 'string' && matchPatternList(namespace, namespaces) !== 1) continue;
    if (!isWithinValidity(entry.options, now)) continue;
    return true;
  }
  return false;
}

function isWithinValidity(options: AllowedSigner['options'], now: number): boolean {
  const after = typeof options['valid-after'] === 'string' ? parseAbsoluteTime(options['valid-after']) : null;
  const before = typeof options['valid-before'] === 'string' ? parseAbsoluteTime(options['valid-before']) : null;
  if (after !== null && now < after) return false;
  if (before !== null && now > before) return false;
  return true;
}
