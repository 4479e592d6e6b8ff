import { ConnectionLostError, type RawStatementResult, type SqlBackend } from './backend.js';

/** Why litops stopped a statement itself. */
export type StopReason = 'cancelled' | 'timed-out';

/** How a watched statement ended. */
export interface WatchedOutcome {
  raw: RawStatementResult | null;
  lost: ConnectionLostError | null;
  stoppedBy: StopReason | null;
  /** The statement ignored its cancel and the connection was dropped. */
  dropped: boolean;
}

/** Limits on one statement. */
export interface WatchOptions {
  maxRows: number;
  signal: AbortSignal | undefined;
  /** `performance.now()` time when the cell's budget ends, or null. */
  deadline: number | null;
  /** How long a cancelled statement may take to stop before the connection is dropped. */
  graceMs: number;
}

/**
 * Runs one statement while watching the operator's abort signal and the
 * cell's deadline. Either sends the server a cancel request; a statement
 * that still runs `graceMs` later loses its connection. Waits for the cancel
 * request to be delivered before returning, so it cannot hit a later query.
 */
export async function executeWatched(backend: SqlBackend, text: string, options: WatchOptions): Promise<WatchedOutcome> {
  const outcome: WatchedOutcome = { raw: null, lost: null, stoppedBy: null, dropped: false };
  let cancelling: Promise<unknown> = Promise.resolve();
  let dropTimer: NodeJS.Timeout | undefined;
  let settled = false;
  const stop = (reason: StopReason): void => {
    if (outcome.stoppedBy || settled) return;
    outcome.stoppedBy = reason;
    cancelling = backend.cancel().catch(() => false);
    // A backend that cannot cancel (PGlite) is left to finish: dropping it would not stop the statement.
    if (!backend.canCancel) return;
    dropTimer = setTimeout(() => {
      outcome.dropped = true;
      backend.destroy();
    }, options.graceMs);
  };
  const onAbort = (): void => stop('cancelled');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const deadlineTimer = options.deadline === null ? undefined : setTimeout(() => stop('timed-out'), Math.max(0, options.deadline - performance.now()));
  try {
    outcome.raw = await backend.execute(text, { maxRows: options.maxRows });
  } catch (error) {
    if (!(error instanceof ConnectionLostError)) throw error;
    outcome.lost = error;
  } finally {
    settled = true;
    clearTimeout(deadlineTimer);
    clearTimeout(dropTimer);
    options.signal?.removeEventListener('abort', onAbort);
  }
  await cancelling;
  clearTimeout(dropTimer);
  return outcome;
}
