import type { FileDigestRecord } from '../journal-lines.js';
import { EVENTS_FILE } from '../run-dir-layout.js';
import type { DigestCache } from './create-digest-cache.js';
import type { RunDirListing } from './list-run-dir.js';
import type { ChainedLine } from './read-event-chain.js';

/** A file a line of the chain records, with that line. */
export interface RecordedFile extends FileDigestRecord {
  line: ChainedLine;
}

/** What checking the files the chain records found. */
export interface RecordedFilesResult {
  recorded: RecordedFile[];
  /** Files of the run directory's pattern that no line records (a cut-off attempt's output, say). */
  unrecorded: string[];
  /** The first mismatch, with the seq of the line that recorded the file (none for a stray file). */
  problem: { message: string; seq: number | null } | null;
}

/** Every out file (and torn-line copy) a `cell.end` or `run.resume` records, in line order. */
export function collectRecordedFiles(lines: ChainedLine[]): RecordedFile[] {
  const recorded: RecordedFile[] = [];
  for (const line of lines) {
    const record = line.record as Record<string, unknown>;
    if (record.type === 'cell.end') recorded.push(...Object.values(record.files as Record<string, FileDigestRecord>).map((file) => ({ ...file, line })));
    if (record.type === 'run.resume') {
      for (const cell of record.interruptedCells as Array<{ files: FileDigestRecord[] }>) recorded.push(...cell.files.map((file) => ({ ...file, line })));
      recorded.push(...(record.tornLines as FileDigestRecord[]).map((file) => ({ ...file, line })));
    }
  }
  return recorded;
}

/**
 * Checks that nothing without a place in a run directory is there, and that
 * each file a line records exists with the size and sha256 recorded. Stops at
 * the first mismatch, which is in line order.
 */
export async function checkRecordedFiles(lines: ChainedLine[], listing: RunDirListing, digestOf: DigestCache): Promise<RecordedFilesResult> {
  const recorded = collectRecordedFiles(lines);
  const names = new Set(recorded.map((file) => file.path));
  const unrecorded = listing.files.filter((path) => /^out\/|\.torn-/.test(path) && !names.has(path));
  const fail = (message: string, seq: number | null): RecordedFilesResult => ({ recorded, unrecorded, problem: { message, seq } });
  if (listing.unexpected.length) return fail(`${listing.unexpected[0]}: has no place in a run directory (not written by litops)`, null);
  for (const file of recorded) {
    const where = `${file.line.record.type} (${EVENTS_FILE} line ${file.line.number})`;
    const actual = await digestOf(file.path);
    if (!actual) return fail(`${file.path}: missing, but ${where} records it`, file.line.record.seq);
    if (actual.bytes !== file.bytes) return fail(`${file.path}: ${actual.bytes} bytes, but ${where} records ${file.bytes}`, file.line.record.seq);
    if (actual.sha256 !== file.sha256) return fail(`${file.path}: sha256 does not match ${where}`, file.line.record.seq);
  }
  return { recorded, unrecorded, problem: null };
}
