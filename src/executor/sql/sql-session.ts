import type { TargetInfo } from '../../model/events.js';
import { TargetUnavailableError, type SqlBackend } from './backend.js';
import type { PendingRestore } from './cell-settings.js';
import { findUrlSecrets } from './describe-url.js';
import { createRedactor, type Redactor } from './redact.js';
import type { SqlSessionsOptions, TargetSpec } from './types.js';

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** One target's connection and what litops remembers about it during the run. */
export interface SqlSession {
  readonly target: TargetSpec;
  backend: SqlBackend | null;
  /** True once a cell has reported the loss of `backend`, so the next cell reconnects quietly. */
  lossReported: boolean;
  pendingRestore: PendingRestore | null;
  /** Names of non-built-in type OIDs, from the server. */
  readonly typeNames: Map<number, string>;
  /** Replaces the target's password wherever it appears. */
  readonly redact: Redactor;
  /** Runs of this session, chained so that cells never interleave on one connection. */
  queue: Promise<unknown>;
}

/** Creates the (not yet connected) session of a target. */
export function createSession(target: TargetSpec): SqlSession {
  const secrets = [...(target.url ? findUrlSecrets(target.url) : []), ...(target.params?.PGPASSWORD ? [target.params.PGPASSWORD] : [])];
  return { target, backend: null, lossReported: false, pendingRestore: null, typeNames: new Map(), redact: createRedactor(secrets), queue: Promise.resolve() };
}

/** One clause naming the target and why its connection died. */
function describeLoss(session: SqlSession, reason: string): string {
  return `the connection to ${session.target.description} was lost (${reason})`;
}

async function open(target: TargetSpec, options: SqlSessionsOptions): Promise<{ backend: SqlBackend; description: string }> {
  if (target.kind === 'embedded') {
    const { openEmbedded } = await import('./embedded/open-embedded.js');
    const { backend, dir } = await openEmbedded(target, options.dataDir);
    return { backend, description: dir };
  }
  const { openPostgres } = await import('./postgres/open-postgres.js');
  return { backend: await openPostgres(target, options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS), description: target.description };
}

/**
 * The session's open backend, connecting on first use and after a loss
 * (announced in `notices`: session state is gone). A loss noticed between
 * cells while a transaction was open fails this cell instead, since its
 * statements were meant to run in that transaction. Resolves to a one-line
 * failure message instead of a backend when the target cannot be opened.
 */
export async function ensureBackend(session: SqlSession, options: SqlSessionsOptions, notices: string[]): Promise<SqlBackend | string> {
  const current = session.backend;
  if (current && !current.lostReason()) return current;
  if (current) {
    const reason = current.lostReason() ?? 'unknown reason';
    if (!session.lossReported && current.transactionStatus() !== 'idle') {
      // Kept as the (dead) backend, so the next cell reconnects and says why.
      session.lossReported = true;
      return `${describeLoss(session, reason)} while a transaction opened by an earlier cell was open: the server rolled it back; session state is gone, so this cell was not run (run it again to reconnect)`;
    }
    session.backend = null;
    current.destroy();
    // Releases what the old backend held (the embedded data directory's lock) before opening again.
    await current.close().catch(() => {});
    const since = session.lossReported ? '' : ` since the last cell (${reason})`;
    notices.push(`reconnecting to ${session.target.description}${since}: session state from earlier cells (SET, temporary tables, prepared statements) is gone`);
  }
  try {
    const { backend, description } = await open(session.target, options);
    session.backend = backend;
    session.lossReported = false;
    session.pendingRestore = null;
    const info: TargetInfo = { name: session.target.name, kind: session.target.kind, description, source: session.target.source, serverVersion: backend.serverVersion };
    options.onTargetOpen?.(info);
    return backend;
  } catch (error) {
    if (error instanceof TargetUnavailableError) return error.message;
    // Anything else while opening (an unwritable data directory, a broken TLS file) is still the target's problem.
    return `cannot open ${session.target.description}: ${(error as Error).message ?? String(error)}`;
  }
}
