import { stat } from 'node:fs/promises';
import { UsageError } from '../../model/errors.js';
import { formatCount } from '../../model/format-count.js';
import { getSha256Hex } from '../digest.js';
import type { RunStartLine } from '../journal-lines.js';
import { EVENTS_FILE, OUT_DIR, RUNBOOK_FILE, SIG_FILE, SUMS_FILE } from '../run-dir-layout.js';
import { checkCheckpoints, type CheckpointsResult } from './check-checkpoints.js';
import { checkChecksums } from './check-checksums.js';
import { checkRecordedFiles, type RecordedFilesResult } from './check-recorded-files.js';
import { checkSigners } from './check-signers.js';
import { createDigestCache, type DigestCache } from './create-digest-cache.js';
import { describeCompletion } from './describe-completion.js';
import { listRunDir, type RunDirListing } from './list-run-dir.js';
import { readEventChain, type EventChain } from './read-event-chain.js';
import { getVerifyExitCode, type VerifyReport } from './verify-report.js';

/** Options of `verifyRunDir`. */
export interface VerifyOptions {
  /** The text of an allowed_signers file: each signer must be allowed for its principal (namespace litops). */
  allowedSigners?: string;
  /** `--runbook`: the bytes runbook.md must equal. */
  runbookBytes?: Uint8Array;
}

/** The report and what `resume` reuses of the walk. */
export interface Inspection {
  report: VerifyReport;
  chain: EventChain;
  listing: RunDirListing;
  files: RecordedFilesResult;
  checkpoints: CheckpointsResult;
  digestOf: DigestCache;
}

/**
 * Verifies a run directory. Checks run in this order and the first tampering
 * found is the one reported: lines and seq, the chain, runbook.md against
 * run.start, recorded out files, checkpoints, SHA256SUMS and its signature,
 * the allowed signers, `--runbook`. Lines, files and checkpoints are all walked
 * over the chained prefix so that `intactThrough` is exact.
 */
export async function inspectRunDir(runDir: string, options: VerifyOptions = {}): Promise<Inspection> {
  const info = await stat(runDir).catch(() => null);
  if (!info?.isDirectory()) throw new UsageError(`${runDir} is not a run directory`, { code: 'run-dir-not-found' });
  const chain = await readEventChain(runDir);
  const listing = await listRunDir(runDir);
  // Nothing a run leaves is there: the wrong folder (bad input), not a tampered run.
  if (!chain.exists && listing.files.length === 0) {
    throw new UsageError(`${runDir} is not a run directory (it has no ${EVENTS_FILE}, ${RUNBOOK_FILE} or ${OUT_DIR}/ files)`, { code: 'not-a-run-dir' });
  }
  const digestOf = createDigestCache(runDir);
  const files = await checkRecordedFiles(chain.lines, listing, digestOf);
  const checkpoints = checkCheckpoints(chain.lines);
  const runStart = chain.lines[0]?.record as RunStartLine | undefined;
  const checked: string[] = [];
  const intactThrough = getIntactThrough(chain, files, checkpoints);
  const signer = runStart ? { principal: runStart.principal, fingerprint: runStart.keyFingerprint, ephemeral: runStart.ephemeralKey } : null;
  const done = (status: VerifyReport['status'], problems: string[]): Inspection => ({
    report: { status, exitCode: getVerifyExitCode(status), problems, checked, signer, intactThrough },
    chain,
    listing,
    files,
    checkpoints,
    digestOf,
  });
  const tampered = (problem: string): Inspection => done('tampered', [problem]);

  if (!chain.exists) return tampered(`${EVENTS_FILE}: missing`);
  if (chain.problem) return tampered(chain.problem);
  checked.push(`${EVENTS_FILE}: ${chain.lines.length} complete line${chain.lines.length === 1 ? '' : 's'} (seq 0–${chain.lines.length - 1}), each numbered in order and chained to the one before`);
  if (runStart) {
    const runbook = await digestOf(RUNBOOK_FILE);
    if (!runbook) return tampered(`${RUNBOOK_FILE}: missing`);
    if (runbook.sha256 !== runStart.runbook.sha256) return tampered(`${RUNBOOK_FILE}: sha256 does not match run.start (${EVENTS_FILE} line 1)`);
    checked.push(`${RUNBOOK_FILE}: matches the sha256 in run.start (${runStart.runbook.sha256}), which line 1 chains from`);
  }
  if (files.problem) return tampered(files.problem.message);
  checked.push(`out files: ${files.recorded.length} recorded file${files.recorded.length === 1 ? '' : 's'} match the sizes and sha256 in the lines that record them`);
  if (checkpoints.problem) return tampered(checkpoints.problem.message);
  checked.push(describeCheckpoints(checkpoints));
  const sums = await checkChecksums(runDir, listing, digestOf, checkpoints.keys.at(-1));
  if (sums.problem) return tampered(sums.problem);
  if (sums.state !== 'missing') checked.push(`${SUMS_FILE}: lists exactly the ${formatCount(sums.count, 'file')} present, each with its sha256`);
  if (sums.state === 'signed') checked.push(`${SIG_FILE}: a valid SSH signature (namespace litops) over ${SUMS_FILE} by ${sums.fingerprint}`);
  const signers = checkSigners(checkpoints.keys, options.allowedSigners);
  if (signers.problem) return tampered(signers.problem);
  checked.push(...signers.checked);
  if (options.runbookBytes) {
    const runbook = await digestOf(RUNBOOK_FILE);
    const expected = getSha256Hex(options.runbookBytes);
    if (runbook?.sha256 !== expected) return tampered(`${RUNBOOK_FILE}: is not the runbook given with --runbook (sha256 ${expected})`);
    checked.push(`${RUNBOOK_FILE}: is the runbook given with --runbook`);
  }
  const completion = describeCompletion({ chain, sums: sums.state, unrecorded: files.unrecorded, intactThrough, keys: checkpoints.keys });
  checked.push(...completion.checked);
  return done(completion.status, completion.problems);
}

function getIntactThrough(chain: EventChain, files: RecordedFilesResult, checkpoints: CheckpointsResult): VerifyReport['intactThrough'] {
  let seq = chain.lines.length - 1;
  if (files.problem?.seq !== undefined && files.problem.seq !== null) seq = Math.min(seq, files.problem.seq - 1);
  if (checkpoints.problem) seq = Math.min(seq, checkpoints.problem.seq - 1);
  const checkpointSeq = checkpoints.verified.filter((at) => at <= seq).at(-1) ?? null;
  return { seq, checkpointSeq };
}

/** What the checkpoint check covered, in words: every signature, or the last of each key (which covers the others). */
function describeCheckpoints({ verified, signaturesChecked }: CheckpointsResult): string {
  const count = verified.length;
  const last = count ? `, the last at seq ${verified.at(-1)}` : '';
  if (signaturesChecked >= count) return `checkpoints: ${count} signature${count === 1 ? '' : 's'} over the chain head verify${last}`;
  return `checkpoints: ${count} over the chain head, each where it belongs; the last signature of each key verifies (${signaturesChecked} checked) and covers the ones before it through the chain${last}`;
}
