import type { SignerFields } from '../journal-lines.js';
import { EVENTS_FILE, SIGNATURE_NAMESPACE } from '../run-dir-layout.js';
import { verifySshSignature } from '../signing/index.js';
import type { ChainedLine } from './read-event-chain.js';

/** A key the run was signed with from a line on (`run.start`, then each `run.resume`). */
export interface RunKey extends SignerFields {
  line: ChainedLine;
}

/** What checking the checkpoints found. */
export interface CheckpointsResult {
  /** Seqs of the checkpoints whose signature verified (or is covered by a later one that did), in order, up to the first bad one. */
  verified: number[];
  /** How many signatures were checked: every one when something failed, else the last of each key. */
  signaturesChecked: number;
  /** Keys in the order they took effect. */
  keys: RunKey[];
  problem: { message: string; seq: number } | null;
}

/**
 * Checks each checkpoint: it follows a `cell.end`, its head is that line's
 * hash (its own `prev`), and its signature is a valid SSHSIG (namespace
 * litops) over the head's UTF-8 by the key in effect. Each `cell.end` that is
 * not the last line must be followed by its checkpoint (or by `run.resume`,
 * when a crash came between the two; the chain then covers it up to the next
 * checkpoint).
 */
export function checkCheckpoints(lines: ChainedLine[]): CheckpointsResult {
  return checkLastOfEachKey(lines) ?? checkEveryCheckpoint(lines);
}

/**
 * The fast path for a log that is in order: a checkpoint signs the chain head,
 * which commits to every line before it, earlier checkpoints included; so the
 * last checkpoint each key signed vouches for all that key signed before. Null
 * when anything is off: the caller then walks every checkpoint to name the first
 * bad one exactly.
 */
function checkLastOfEachKey(lines: ChainedLine[]): CheckpointsResult | null {
  const keys: RunKey[] = [];
  const seqs: number[] = [];
  const last = new Map<number, { head: string; signature: string }>();
  for (const [index, line] of lines.entries()) {
    const record = line.record as Record<string, unknown> & { seq: number; prev: string };
    if (record.type === 'run.start' || record.type === 'run.resume') keys.push({ ...(record as unknown as SignerFields), line });
    const next = lines[index + 1]?.record.type;
    if (record.type === 'cell.end' && next !== undefined && next !== 'checkpoint' && next !== 'run.resume') return null;
    if (record.type !== 'checkpoint') continue;
    if (lines[index - 1]?.record.type !== 'cell.end' || record.head !== record.prev || keys.length === 0) return null;
    last.set(keys.length - 1, { head: record.head as string, signature: record.signature as string });
    seqs.push(record.seq);
  }
  for (const [keyIndex, checkpoint] of last) {
    const result = verifySshSignature(Buffer.from(checkpoint.head, 'utf8'), checkpoint.signature, { namespace: SIGNATURE_NAMESPACE });
    if (!result.ok || result.fingerprint !== keys[keyIndex]!.keyFingerprint) return null;
  }
  return { verified: seqs, keys, problem: null, signaturesChecked: last.size };
}

/** Every checkpoint in order, stopping at the first problem. */
function checkEveryCheckpoint(lines: ChainedLine[]): CheckpointsResult {
  const verified: number[] = [];
  const keys: RunKey[] = [];
  for (const [index, line] of lines.entries()) {
    const record = line.record as Record<string, unknown> & { seq: number; prev: string };
    const at = `${EVENTS_FILE} line ${line.number}`;
    const fail = (why: string): CheckpointsResult => ({ verified, keys, problem: { message: `${at}: ${why}`, seq: record.seq }, signaturesChecked: verified.length + 1 });
    if (record.type === 'run.start' || record.type === 'run.resume') keys.push({ ...(record as unknown as SignerFields), line });
    // A run.resume may follow a cell.end directly: the process died before it could sign the checkpoint.
    const next = lines[index + 1]?.record.type;
    if (record.type === 'cell.end' && next !== undefined && next !== 'checkpoint' && next !== 'run.resume') {
      return { verified, keys, problem: { message: `${EVENTS_FILE} line ${line.number + 1}: not the checkpoint that must follow the cell.end on line ${line.number}`, seq: record.seq + 1 }, signaturesChecked: verified.length };
    }
    if (record.type !== 'checkpoint') continue;
    const head = record.head as string;
    if (lines[index - 1]?.record.type !== 'cell.end') return fail('a checkpoint that does not follow a cell.end');
    if (head !== record.prev) return fail(`checkpoint head does not match the hash of line ${line.number - 1}`);
    const key = keys.at(-1)!;
    const result = verifySshSignature(Buffer.from(head, 'utf8'), record.signature as string, { namespace: SIGNATURE_NAMESPACE });
    if (!result.ok) return fail(`checkpoint signature does not verify (${result.reason})`);
    if (result.fingerprint !== key.keyFingerprint) return fail(`checkpoint signed by ${result.fingerprint}, not by the run's key ${key.keyFingerprint} (${key.line.record.type}, line ${key.line.number})`);
    verified.push(record.seq);
  }
  return { verified, keys, problem: null, signaturesChecked: verified.length };
}
