import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SIG_FILE, SIGNATURE_NAMESPACE, SUMS_FILE } from '../run-dir-layout.js';
import { verifySshSignature } from '../signing/index.js';
import type { RunKey } from './check-checkpoints.js';
import type { DigestCache } from './create-digest-cache.js';
import { isCanonicalArmor } from './is-canonical-armor.js';
import type { RunDirListing } from './list-run-dir.js';

/** What checking SHA256SUMS and its signature found. */
export interface ChecksumsResult {
  /** `missing`: no SHA256SUMS; `unsigned`: SHA256SUMS without SHA256SUMS.sig; `signed`: both. */
  state: 'missing' | 'unsigned' | 'signed';
  /** Files listed. */
  count: number;
  /** The signing key's fingerprint, when signed. */
  fingerprint: string | null;
  problem: string | null;
}

const SUMS_LINE = /^([0-9a-f]{64}) {2}([^\n]+)$/;

/**
 * Checks that SHA256SUMS (when present) is in `sha256sum` format and sorted,
 * that SHA256SUMS.sig (when present) is a canonical SSHSIG over its exact bytes
 * (namespace litops) by `key`, the key in effect at the end of the chain, and
 * then that it lists exactly the files present (besides itself and its
 * signature), each with its digest.
 */
export async function checkChecksums(runDir: string, listing: RunDirListing, digestOf: DigestCache, key: RunKey | undefined): Promise<ChecksumsResult> {
  const sums = await readOptional(join(runDir, SUMS_FILE));
  const sigText = await readOptional(join(runDir, SIG_FILE));
  const result = (state: ChecksumsResult['state'], count: number, problem: string | null, fingerprint: string | null = null): ChecksumsResult => ({ state, count, fingerprint, problem });
  if (!sums) return result('missing', 0, sigText ? `${SIG_FILE}: present without ${SUMS_FILE}` : null);
  const text = sums.toString('utf8');
  if (text.length > 0 && !text.endsWith('\n')) return result('missing', 0, `${SUMS_FILE}: does not end with a newline`);
  const entries: Array<{ sha256: string; path: string; number: number }> = [];
  for (const [index, line] of text.split('\n').slice(0, -1).entries()) {
    const match = SUMS_LINE.exec(line);
    if (!match) return result('missing', 0, `${SUMS_FILE} line ${index + 1}: not "<sha256>  <path>"`);
    const previous = entries.at(-1);
    if (previous && previous.path >= match[2]!) return result('missing', 0, `${SUMS_FILE} line ${index + 1}: ${match[2]} is out of order or repeated`);
    entries.push({ sha256: match[1]!, path: match[2]!, number: index + 1 });
  }
  // The signature first: when it fails, SHA256SUMS (or its signature) is the file that changed, not the files it lists.
  let fingerprint: string | null = null;
  if (sigText) {
    const armored = sigText.toString('utf8');
    if (!isCanonicalArmor(armored)) return result('missing', 0, `${SIG_FILE}: not an armored SSH signature as litops writes one`);
    const verified = verifySshSignature(sums, armored, { namespace: SIGNATURE_NAMESPACE });
    if (!verified.ok) return result('missing', 0, `${SIG_FILE}: the signature over ${SUMS_FILE} does not verify (${verified.reason}); one of the two was changed`);
    if (key && verified.fingerprint !== key.keyFingerprint) {
      return result('missing', 0, `${SIG_FILE}: signed by ${verified.fingerprint}, not by the run's key ${key.keyFingerprint} (${key.line.record.type}, events.jsonl line ${key.line.number})`);
    }
    fingerprint = verified.fingerprint;
  }
  const present = listing.files.filter((path) => path !== SUMS_FILE && path !== SIG_FILE);
  const listed = new Set(entries.map((entry) => entry.path));
  const presentSet = new Set(present);
  const absent = entries.find((entry) => !presentSet.has(entry.path));
  if (absent) return result('missing', 0, `${SUMS_FILE} line ${absent.number}: lists ${absent.path}, which is not in the run directory`);
  const unlisted = present.find((path) => !listed.has(path));
  if (unlisted) return result('missing', 0, `${SUMS_FILE} does not list ${unlisted}, which is in the run directory`);
  for (const entry of entries) {
    const actual = await digestOf(entry.path);
    if (actual?.sha256 !== entry.sha256) return result('missing', 0, `${entry.path}: does not match its sha256 in ${SUMS_FILE} (line ${entry.number})`);
  }
  if (fingerprint === null) return result('unsigned', entries.length, null);
  return result('signed', entries.length, null, fingerprint);
}

async function readOptional(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
