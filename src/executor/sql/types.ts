import type { SqlStatementResult, TargetInfo } from '../../model/events.js';

/**
 * Where SQL goes, as resolved by `resolveTarget`. `url` and `params` carry the
 * credentials needed to connect: never log them; `description` is the
 * displayable form (password replaced by `[REDACTED]`).
 */
export interface TargetSpec {
  /** The connection name, or `default` (`--db`, `DATABASE_URL`, `PG*`), `embedded`, `sandbox`. */
  name: string;
  kind: 'postgres' | 'embedded';
  /** The connection URL (`postgres://...`); null for `PG*`, embedded and sandbox targets. */
  url: string | null;
  source: 'connection' | '--db' | 'DATABASE_URL' | 'PG*' | 'embedded' | 'sandbox';
  /** The URL with the password replaced by `[REDACTED]`, or the embedded data directory. */
  description: string;
  /** For `source: 'PG*'`: libpq's variables as found (`PGHOST`, `PGPASSWORD`, ...); else null. */
  params?: Readonly<Record<string, string>> | null;
}

/** One SQL cell to run. */
export interface SqlCellInput {
  id: string;
  /** The cell's SQL, psql variables (`:name`, `:'name'`, `:"name"`) not yet bound. */
  source: string;
  /** Run every statement in read-only mode (a write fails with the server's error). */
  readonly: boolean;
  /** Time budget of the cell; also the server's `statement_timeout`. Null: no limit. */
  timeoutMs: number | null;
  /** Values for psql variables. */
  variables: Readonly<Record<string, string>>;
}

/** Callbacks and limits for one cell. */
export interface SqlRunHooks {
  /** Called after each statement (and each skipped meta-command), in order; awaited. */
  onStatement: (result: SqlStatementResult) => void | Promise<void>;
  /** Aborting cancels the running statement on the server (status `cancelled`). */
  signal?: AbortSignal;
  /** Rows kept per statement; beyond, `truncated` is true and `rowCount` stays the true count. Default 1000. */
  maxRows?: number;
}

/** How a SQL cell ended. Failures are results; only the tool's own faults throw. */
export interface SqlCellResult {
  status: 'passed' | 'failed' | 'timed-out' | 'cancelled' | 'error';
  statements: SqlStatementResult[];
  /** Row count of the last statement that returned rows. */
  rowCount: number | null;
  /** First column of the first row of the last statement that returned rows, as the server's text. */
  value: string | null;
  /** One line saying why the cell did not pass; null when it passed. */
  error: string | null;
  durationMs: number;
  /**
   * Things the operator should know about the session rather than a statement:
   * a reconnection that lost session state, a read-only guard put on a
   * transaction left open by an earlier cell. The caller shows or logs them.
   */
  notices: string[];
}

/** Options of `createSqlSessions`. */
export interface SqlSessionsOptions {
  /** litops' own directory (e.g. `<cwd>/.litops`): the embedded database lives in `<dataDir>/pglite/`. */
  dataDir: string;
  /** Called each time a target is opened (first use, and again after a reconnection). */
  onTargetOpen?: (info: TargetInfo) => void;
  /** How long to wait for a server to accept a connection. Default 10 000 ms (or `PGCONNECT_TIMEOUT`). */
  connectTimeoutMs?: number;
  /** After a cancel request, how long to wait for the server before dropping the connection. Default 5 000 ms. */
  cancelGraceMs?: number;
}

/** The run's SQL connections: one per target, opened on first use, kept for the whole run. */
export interface SqlSessions {
  run(target: TargetSpec, cell: SqlCellInput, hooks: SqlRunHooks): Promise<SqlCellResult>;
  /** Closes every connection and embedded database; removes sandbox copies. */
  close(): Promise<void>;
}
