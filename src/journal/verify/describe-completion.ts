import { EVENTS_FILE, SIG_FILE, SUMS_FILE } from '../run-dir-layout.js';
import type { RunKey } from './check-checkpoints.js';
import type { ChecksumsResult } from './check-checksums.js';
import type { EventChain } from './read-event-chain.js';
import type { VerifyReport } from './verify-report.js';

/** What an intact log is missing, if anything. */
export interface CompletionInput {
  chain: EventChain;
  sums: ChecksumsResult['state'];
  unrecorded: string[];
  intactThrough: VerifyReport['intactThrough'];
  keys: RunKey[];
}

/**
 * For a log with no tampering: `incomplete` when it was cut off (a torn last
 * line, no run.end after the last start or resume, no SHA256SUMS or no
 * signature over it), else `unsigned` when a key was ephemeral, else `valid`.
 */
export function describeCompletion(input: CompletionInput): { status: 'valid' | 'incomplete' | 'unsigned'; problems: string[]; checked: string[] } {
  const { chain, sums, intactThrough } = input;
  const gaps: string[] = [];
  const checked: string[] = [];
  const last = chain.lines.at(-1);
  const segment = chain.lines.slice(chain.lines.findLastIndex((line) => line.record.type === 'run.resume') + 1);
  const end = segment.findLast((line) => line.record.type === 'run.end');
  if (!last) gaps.push(`${EVENTS_FILE}: no events; the run never started`);
  if (chain.torn) gaps.push(`${EVENTS_FILE} line ${chain.torn.number}: cut off mid-write (no final newline; its ${chain.torn.bytes.length} bytes are not part of the log)`);
  if (last && !end) gaps.push(`no run.end after seq ${last.record.seq}: the run was cut off${segment.length < chain.lines.length ? ' after it was resumed' : ''}`);
  if (end) {
    const record = end.record as Record<string, unknown>;
    checked.push(`run.end (seq ${end.record.seq}): ${String(record.status)}, exit ${String(record.exitCode)}: ${String(record.reason)}`);
  }
  if (sums === 'missing') gaps.push(`${SUMS_FILE}: missing, so the run was not finished and signed as a whole`);
  if (sums === 'unsigned') gaps.push(`${SIG_FILE}: missing, so ${SUMS_FILE} is not signed`);
  if (input.unrecorded.length) {
    const covered = sums === 'signed' ? `; ${SUMS_FILE} covers ${input.unrecorded.length === 1 ? 'it' : 'them'}` : '; no signature covers them';
    (gaps.length ? gaps : checked).push(`${input.unrecorded.join(', ')}: left by a cut-off attempt, not recorded by any line${covered}`);
  }
  const ephemeral = input.keys.filter((key) => key.ephemeralKey).map((key) => key.keyFingerprint);
  const unsigned = ephemeral.length ? [`signed with an ephemeral key (${ephemeral.join(', ')}): the signatures show the log is unchanged since it was written, not who wrote it`] : [];
  if (gaps.length) {
    const signedTo = intactThrough.checkpointSeq === null ? 'no checkpoint was signed' : `signed up to the checkpoint at seq ${intactThrough.checkpointSeq}`;
    return { status: 'incomplete', problems: [`intact through seq ${intactThrough.seq}; ${signedTo}`, ...gaps, ...unsigned], checked };
  }
  return unsigned.length ? { status: 'unsigned', problems: unsigned, checked } : { status: 'valid', problems: [], checked };
}
