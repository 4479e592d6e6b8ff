import { join } from 'node:path';
import { LitopsError } from '../../model/errors.js';
import type { EventSink, RunEvent } from '../../model/events.js';
import { hashFile, type FileDigest } from '../digest.js';
import { EVENTS_FILE, OUT_DIR } from '../run-dir-layout.js';
import type { Signer } from '../signing/index.js';
import { createAttemptFiles, type AttemptFiles } from './create-attempt-files.js';
import type { EventLog } from './create-event-log.js';
import { createSerialQueue } from './create-serial-queue.js';
import type { CastSize } from './format-cast.js';
import { formatStopNotice } from './format-stop-notice.js';
import { syncDirectory } from './write-all.js';
import { writeSignedChecksums } from './write-signed-checksums.js';

/** A run's signed execution log, open for writing. */
export interface Journal {
  /** The run directory. */
  readonly runDir: string;
  /** Receives the executor's events in order; awaits the disk at cell boundaries. */
  readonly sink: EventSink;
  /** After `run.end`: writes and signs SHA256SUMS, closes the log. */
  finish(): Promise<void>;
  /**
   * For a run that stops without `run.end` (the operator quit, a signal, a tool
   * fault): closes the running attempt's files, notes in the log that the run was
   * interrupted and why (`reason`, e.g. "the operator quit"; unless `run.end` was
   * written), and still writes and signs SHA256SUMS, so the partial run is signed.
   */
  abort(reason?: string): Promise<void>;
}

/** Where a journal starts writing: a new run, or a resumed one. */
export interface WriterSetup {
  runDir: string;
  log: EventLog;
  signer: Signer;
  principal: string;
  gitCommit: string | null;
  /** Hex sha256 of runbook.md: `run.start` must carry the same. */
  runbookSha256: string;
  now: () => Date;
  castSize: CastSize;
  /** True for a resumed run: `run.start` is already in the log. */
  started: boolean;
  /** Attempts must be numbered after this one. */
  lastAttempt: number;
  /** Files SHA256SUMS lists besides events.jsonl (runbook.md, out files so far). */
  files: FileDigest[];
}

/** The journal over an open events.jsonl: the sink, `finish` and `abort`. */
export function createJournalWriter(setup: WriterSetup): Journal {
  const { runDir, log, signer } = setup;
  const queue = createSerialQueue();
  const files = [...setup.files];
  let started = setup.started;
  let ended = false;
  let closed = false;
  let lastAttempt = setup.lastAttempt;
  let open: AttemptFiles | null = null;

  const requireRunning = (event: RunEvent): void => {
    if (closed) throw orderError(`${event.type} after the log was closed`);
    if (!started) throw orderError(`${event.type} before run.start`);
    if (ended) throw orderError(`${event.type} after run.end`);
  };
  const requireOpen = (event: RunEvent & { attempt: number }): AttemptFiles => {
    requireRunning(event);
    if (!open || open.attempt !== event.attempt) throw orderError(`${event.type} of attempt ${event.attempt}, but ${open ? `attempt ${open.attempt}` : 'no attempt'} is running`);
    return open;
  };

  async function handle(event: RunEvent): Promise<void> {
    switch (event.type) {
      case 'run.start': {
        if (closed || started) throw orderError('a second run.start');
        if (event.runbook.sha256 !== setup.runbookSha256) {
          throw new LitopsError('journal-runbook-mismatch', `run.start names a runbook with sha256 ${event.runbook.sha256}, but runbook.md has ${setup.runbookSha256}`);
        }
        const { principal, gitCommit } = setup;
        await log.append({ ...event, principal, publicKey: signer.publicKey, keyFingerprint: signer.fingerprint, ephemeralKey: signer.ephemeral, gitCommit });
        await log.sync();
        started = true;
        return;
      }
      case 'cell.start': {
        requireRunning(event);
        if (open) throw orderError(`cell.start of attempt ${event.attempt} while attempt ${open.attempt} is running`);
        if (event.attempt <= lastAttempt) throw orderError(`attempt ${event.attempt} is not numbered after attempt ${lastAttempt}`);
        await log.append(event);
        await log.sync();
        lastAttempt = event.attempt;
        open = await createAttemptFiles({ runDir, attempt: event.attempt, ...(event.cellAttempt === undefined ? {} : { cellAttempt: event.cellAttempt }), cell: event.cell, lang: event.lang, startedAt: event.ts, castSize: setup.castSize });
        return;
      }
      case 'cell.output':
        return requireOpen(event).write(event.stream, event.data, event.ts);
      case 'sql.statement':
        return requireOpen(event).addStatement(event.result);
      case 'cell.end': {
        const digests = await requireOpen(event).close();
        open = null;
        await syncDirectory(join(runDir, OUT_DIR));
        files.push(...Object.values(digests));
        const { hash } = await log.append({ ...event, files: digests });
        try {
          const signature = await signer.sign(Buffer.from(hash, 'utf8'));
          await log.append({ ts: setup.now().toISOString(), type: 'checkpoint', head: hash, signature });
        } finally {
          await log.sync();
        }
        return;
      }
      case 'run.end':
        requireRunning(event);
        if (open) throw orderError(`run.end while attempt ${open.attempt} is running`);
        await log.append(event);
        await log.sync();
        ended = true;
        return;
      default:
        requireRunning(event);
        await log.append(event);
    }
  }

  async function sign(rehash: boolean): Promise<void> {
    await log.close();
    const events = { path: EVENTS_FILE, ...log.digest() };
    // After a failed write the running digests may not match the disk: read it back.
    const listed = rehash ? await Promise.all([...files, events].map(async (file) => ({ path: file.path, ...(await hashFile(join(runDir, file.path))) }))) : [...files, events];
    await writeSignedChecksums(runDir, listed, signer);
  }

  return {
    runDir,
    sink: (event) => queue.run(() => wrapFault(runDir, () => handle(event))),
    finish: () =>
      queue.run(() =>
        wrapFault(runDir, async () => {
          if (closed) throw new LitopsError('journal-closed', `the run log in ${runDir} is already closed`);
          if (!ended) throw new LitopsError('journal-not-ended', `the run log in ${runDir} has no run.end yet; use abort() for a run that did not end`);
          closed = true;
          await sign(false);
        }),
      ),
    abort: (reason) =>
      queue.run(
        () =>
          wrapFault(runDir, async () => {
            if (closed) return;
            closed = true;
            const failed = queue.failure() !== undefined;
            if (open) {
              files.push(...(await open.abandon()));
              open = null;
              await syncDirectory(join(runDir, OUT_DIR));
            }
            if (started && !ended && !failed) {
              const message = formatStopNotice(reason);
              await log.append({ ts: setup.now().toISOString(), type: 'run.notice', level: 'warning', message });
            }
            await sign(failed);
          }),
        { always: true },
      ),
  };
}

function orderError(what: string): LitopsError {
  return new LitopsError('journal-order', `the run log received ${what}`);
}

async function wrapFault<T>(runDir: string, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof LitopsError) throw error;
    throw new LitopsError('journal-write', `cannot write the run log in ${runDir}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
