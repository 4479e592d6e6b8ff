import { createHash } from 'node:crypto';
import { open, readFile, rm, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { LitopsError } from '../../model/errors.js';
import type { FileDigest } from '../digest.js';
import type { FileDigestRecord, InterruptedCell } from '../journal-lines.js';
import { classifyRunDirPath, EVENTS_FILE, getTornPath, RUNBOOK_FILE, SIG_FILE, SUMS_FILE } from '../run-dir-layout.js';
import type { Signer } from '../signing/index.js';
import { inspectRunDir, type Inspection } from '../verify/inspect-run-dir.js';
import { createEventLog } from '../write/create-event-log.js';
import { createJournalWriter, type Journal } from '../write/create-journal-writer.js';
import { DEFAULT_CAST_SIZE, type CastSize } from '../write/format-cast.js';
import { syncDirectory, writeNewFile } from '../write/write-all.js';
import { describeResumeReason } from './describe-resume-reason.js';
import { buildResumeState, type LoggedState, type ResumeState } from './build-resume-state.js';
import { readCellResults } from './read-cell-results.js';

/** Options of {@link openJournalForResume}. */
export interface ResumeOptions {
  /** Why the run is resumed, recorded in `run.resume` (default: how the log says it stopped, e.g. "resumed after the run was interrupted (the operator quit)"). */
  reason?: string;
  /** Who resumes it (default: run.start's principal). */
  principal?: string;
  /** Clock for the lines the journal makes (default `new Date()`). */
  now?: () => Date;
  /** Terminal size in the casts' headers (default 120×40). */
  castSize?: CastSize;
}

/** Run-end statuses after which a run may be resumed. */
const RESUMABLE_END = new Set(['interrupted', 'needs-person']);

/** Whether a run that ended with this `run.end` status can be continued (interrupted, or waiting for a person). */
export function isResumableEnd(status: string): boolean {
  return RESUMABLE_END.has(status);
}

/**
 * Reopens an interrupted run's log to continue it. It verifies what is there
 * first (and throws if anything was tampered with), keeps a torn last line as
 * `events.jsonl.torn-<n>` and cuts it off, removes a stale SHA256SUMS and its
 * signature (the run is signed again at its new end), and appends `run.resume`,
 * which records the cut-off attempts and their files, the torn line, and the
 * resuming signer. Attempts must then be numbered after `state.lastAttempt`.
 */
export async function openJournalForResume(runDir: string, signer: Signer, options: ResumeOptions = {}): Promise<{ journal: Journal; state: ResumeState }> {
  const inspection = await inspectRunDir(runDir);
  const { report, chain } = inspection;
  if (report.status === 'tampered') throw new LitopsError('journal-tampered', `cannot resume ${runDir}: the log does not verify: ${report.problems[0]}`);
  if (chain.lines.length === 0) throw new LitopsError('resume-not-started', `cannot resume ${runDir}: its log has no run.start`);
  const ended = findLastEnd(inspection);
  if (ended && !RESUMABLE_END.has(String(ended.status))) throw new LitopsError('resume-run-ended', `cannot resume ${runDir}: the run ended (${String(ended.status)}); there is nothing to resume`);
  const logged = buildResumeState(chain.lines, inspection.files.unrecorded);
  const cellResults = await readCellResults(runDir, chain.lines);
  const now = options.now ?? (() => new Date());

  const tornLines = await keepTornLine(runDir, inspection);
  await rm(join(runDir, SIG_FILE), { force: true });
  await rm(join(runDir, SUMS_FILE), { force: true });
  await syncDirectory(runDir);
  const interruptedCells = await collectInterrupted(inspection, logged);

  const hash = createHash('sha256');
  for (const line of chain.lines) hash.update(line.bytes).update('\n');
  const log = createEventLog({ handle: await open(join(runDir, EVENTS_FILE), 'a'), nextSeq: chain.lines.length, head: chain.lines.at(-1)!.hash, hash, bytes: chain.completeBytes });
  const principal = options.principal ?? logged.runStart.principal;
  const ts = now().toISOString();
  const reason = options.reason ?? describeResumeReason(chain.lines);
  const { seq: resumeSeq } = await log.append({ ts, type: 'run.resume', resumedAt: ts, previousSeq: logged.lastSeq, reason, interruptedCells, tornLines, principal, publicKey: signer.publicKey, keyFingerprint: signer.fingerprint, ephemeralKey: signer.ephemeral });
  await log.sync();

  const runbookBytes = await readFile(join(runDir, RUNBOOK_FILE));
  const files: FileDigest[] = [
    { path: RUNBOOK_FILE, bytes: runbookBytes.length, sha256: logged.runStart.runbook.sha256 },
    ...inspection.files.recorded.map(({ path, bytes, sha256 }) => ({ path, bytes, sha256 })),
    ...interruptedCells.flatMap((cell) => cell.files),
    ...tornLines,
  ];
  const journal = createJournalWriter({
    runDir,
    log,
    signer,
    principal,
    gitCommit: logged.runStart.gitCommit,
    runbookSha256: logged.runStart.runbook.sha256,
    now,
    castSize: options.castSize ?? DEFAULT_CAST_SIZE,
    started: true,
    lastAttempt: logged.lastAttempt,
    files,
  });
  const { openAttempts: _open, ...state } = logged;
  return { journal, state: { ...state, runbookBytes, interruptedCells, resumeSeq, cellResults } };
}

function findLastEnd(inspection: Inspection): Record<string, unknown> | null {
  const { lines } = inspection.chain;
  const segment = lines.slice(lines.findLastIndex((line) => line.record.type === 'run.resume') + 1);
  return (segment.findLast((line) => line.record.type === 'run.end')?.record as Record<string, unknown> | undefined) ?? null;
}

/** Copies a torn last line to `events.jsonl.torn-<n>` and cuts it off; the torn copies to record (with any an interrupted resume left). */
async function keepTornLine(runDir: string, inspection: Inspection): Promise<FileDigestRecord[]> {
  const { chain, listing, files, digestOf } = inspection;
  const earlier = files.unrecorded.filter((path) => classifyRunDirPath(path).kind === 'torn');
  const kept: FileDigestRecord[] = [];
  for (const path of earlier) kept.push({ path, ...(await digestOf(path))! });
  if (!chain.torn) return kept;
  const indexes = listing.files.map((path) => classifyRunDirPath(path)).map((entry) => (entry.kind === 'torn' ? entry.index : 0));
  const path = getTornPath(Math.max(0, ...indexes) + 1);
  await writeNewFile(join(runDir, path), chain.torn.bytes);
  await syncDirectory(runDir);
  await truncate(join(runDir, EVENTS_FILE), chain.completeBytes);
  const handle = await open(join(runDir, EVENTS_FILE), 'r+');
  await handle.sync().finally(() => handle.close());
  kept.push({ path, bytes: chain.torn.bytes.length, sha256: createHash('sha256').update(chain.torn.bytes).digest('hex') });
  return kept;
}

/** Attempts that started but never ended, and out files no line records, grouped by attempt. */
async function collectInterrupted(inspection: Inspection, logged: LoggedState): Promise<InterruptedCell[]> {
  const byAttempt = new Map<number, InterruptedCell>();
  for (const [attempt, { cell, step }] of logged.openAttempts) byAttempt.set(attempt, { attempt, cell, step, files: [] });
  for (const path of inspection.files.unrecorded) {
    const entry = classifyRunDirPath(path);
    if (entry.kind !== 'out') continue;
    const cut = byAttempt.get(entry.attempt) ?? { attempt: entry.attempt, cell: null, step: null, files: [] };
    cut.files.push({ path, ...(await inspection.digestOf(path))! });
    byAttempt.set(entry.attempt, cut);
  }
  return [...byAttempt.values()].sort((a, b) => a.attempt - b.attempt);
}
