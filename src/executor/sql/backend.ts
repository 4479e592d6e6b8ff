/**
 * What the cell runner needs from a connection, whichever server is behind it:
 * a real PostgreSQL (`pg`) or the embedded PGlite. Statements are sent one at
 * a time with the simple query protocol; values arrive as the server's text.
 */

/** An error or notice as the server reported it. */
export interface ServerMessage {
  severity: string;
  message: string;
  code: string | null;
  /** 1-based character position in the statement, when the server gave one. */
  position: number | null;
  detail: string | null;
  hint: string | null;
  /** The server's CONTEXT line(s), e.g. the PL/pgSQL line that raised. */
  where: string | null;
}

/** One column of a row description. */
export interface RawColumn {
  name: string;
  typeOid: number;
}

/** What the server sent back for one statement, rows bounded. */
export interface RawStatementResult {
  /** The full command tag, e.g. `INSERT 0 1`, `CREATE INDEX`; null after an error or an empty query. */
  tag: string | null;
  /** Null when the statement returned no row description. */
  columns: RawColumn[] | null;
  /** At most `maxRows` rows, as text (null for SQL NULL). */
  rows: Array<Array<string | null>>;
  /** Every data row received, kept or not. */
  rowsReceived: number;
  notices: ServerMessage[];
  /** Notices dropped beyond the per-statement limit. */
  noticesDropped: number;
  error: ServerMessage | null;
}

/** Transaction state after the last statement, from ReadyForQuery: idle, in a transaction, or in a failed one. */
export type TransactionStatus = 'idle' | 'transaction' | 'failed';

/** Thrown by `execute` when the connection is gone; the message says why (no credentials). */
export class ConnectionLostError extends Error {
  readonly serverError: ServerMessage | null;

  constructor(message: string, serverError: ServerMessage | null = null) {
    super(message);
    this.name = 'ConnectionLostError';
    this.serverError = serverError;
  }
}

/** The target could not be opened; `message` is one redacted line (the cell ends with status `error`). */
export class TargetUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetUnavailableError';
  }
}

/** An open connection to one target. */
export interface SqlBackend {
  readonly serverVersion: string | null;
  /** Runs one statement. Resolves with SQL errors inside; rejects with `ConnectionLostError` only. */
  execute(text: string, options: { maxRows: number }): Promise<RawStatementResult>;
  transactionStatus(): TransactionStatus;
  /** Null while usable; else why the connection died. */
  lostReason(): string | null;
  /** Whether `cancel` can stop a running statement (false for PGlite, which runs in this thread). */
  readonly canCancel: boolean;
  /** Asks the server to cancel the running statement; resolves false when the request could not be delivered. */
  cancel(): Promise<boolean>;
  /** Drops the connection at once (a statement that ignored its cancel). */
  destroy(): void;
  close(): Promise<void>;
}

/** Most notices kept per statement (a `RAISE NOTICE` in a loop can send millions). */
export const MAX_NOTICES = 1000;
