import { createHash } from 'node:crypto';
import { mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { LitopsError } from '../model/errors.js';
import { getSha256Hex } from './digest.js';
import { EVENTS_FILE, OUT_DIR, RUNBOOK_FILE } from './run-dir-layout.js';
import type { Signer } from './signing/index.js';
import { createEventLog } from './write/create-event-log.js';
import { createJournalWriter, type Journal } from './write/create-journal-writer.js';
import { DEFAULT_CAST_SIZE, type CastSize } from './write/format-cast.js';
import { syncDirectory, writeNewFile } from './write/write-all.js';

/** Options of {@link createJournal}. */
export interface JournalOptions {
  /** The run directory to create; it must not exist (its parent is created if needed). */
  runDir: string;
  /** The exact bytes of the runbook that is run: written as runbook.md. */
  runbookBytes: Uint8Array;
  signer: Signer;
  /** Who runs it, as in allowed_signers (`--as`). */
  principal: string;
  /** The commit the runbook was read at, if it is in a git work tree. */
  gitCommit: string | null;
  /** Clock for the lines the journal makes itself (checkpoints; default `new Date()`). */
  now?: () => Date;
  /** Terminal size in the casts' headers (default 120×40). */
  castSize?: CastSize;
}

/**
 * Creates a run directory with runbook.md, an empty events.jsonl and out/, and
 * returns the journal that writes the run into it. The first line's `prev` is
 * the hash of runbook.md, so the chain starts at the runbook that was run.
 */
export async function createJournal(options: JournalOptions): Promise<Journal> {
  const { runDir, runbookBytes } = options;
  await mkdir(dirname(runDir), { recursive: true });
  try {
    await mkdir(runDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new LitopsError('run-dir-exists', code === 'EEXIST' ? `the run directory ${runDir} already exists` : `cannot create the run directory ${runDir}: ${(error as Error).message}`, { cause: error });
  }
  await mkdir(join(runDir, OUT_DIR));
  await writeNewFile(join(runDir, RUNBOOK_FILE), runbookBytes);
  const handle = await open(join(runDir, EVENTS_FILE), 'ax');
  await syncDirectory(runDir);
  const runbookSha256 = getSha256Hex(runbookBytes);
  const log = createEventLog({ handle, nextSeq: 0, head: `sha256:${runbookSha256}`, hash: createHash('sha256'), bytes: 0 });
  return createJournalWriter({
    runDir,
    log,
    signer: options.signer,
    principal: options.principal,
    gitCommit: options.gitCommit,
    runbookSha256,
    now: options.now ?? (() => new Date()),
    castSize: options.castSize ?? DEFAULT_CAST_SIZE,
    started: false,
    lastAttempt: 0,
    files: [{ path: RUNBOOK_FILE, bytes: runbookBytes.length, sha256: runbookSha256 }],
  });
}
