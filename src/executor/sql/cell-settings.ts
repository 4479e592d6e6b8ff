import type { SqlBackend } from './backend.js';
import { quoteLiteral, runInternalQuery } from './internal-query.js';

/**
 * A cell's `readonly` and `timeout` as session settings:
 * `default_transaction_read_only = on` (so the cell's own BEGIN ... COMMIT,
 * VACUUM and CONCURRENTLY work, and a write fails with the server's error)
 * and `statement_timeout`. They are set before the first statement and put
 * back to their previous values after the last one.
 *
 * SET is transactional, hence the care:
 * - a cell that starts inside a transaction left open by an earlier cell also
 *   gets `SET TRANSACTION READ ONLY` (the default does not apply to a running
 *   transaction), which lasts until that transaction ends: said in a notice;
 * - after transaction control (COMMIT, ROLLBACK [TO SAVEPOINT], CALL, DO),
 *   SET/RESET and DISCARD the settings are applied again, in case they were
 *   undone: they hold for every statement of the cell;
 * - in an aborted transaction nothing can be set: statements fail anyway
 *   until ROLLBACK, after which the settings are applied;
 * - a restore that lands in an open transaction may be rolled back later:
 *   it is kept pending and checked at the next cell that starts outside a
 *   transaction (a value still equal to the cell's is put back; a value the
 *   runbook changed since is left alone).
 */
export interface PendingRestore {
  /** Values before the cell, by setting name. */
  previous: Record<string, string>;
  /** Values the cells since then ran with, as `current_setting` shows them. */
  applied: Record<string, string[]>;
}

/** Session state the settings need across cells. */
export interface SettingsSession {
  pendingRestore: PendingRestore | null;
}

/** After these the settings may have been undone (rollback, RESET, DISCARD, a procedure's COMMIT), so they are set again. */
const UNDOING_KINDS = new Set(['TransactionStmt', 'CallStmt', 'DoStmt', 'VariableSetStmt', 'DiscardStmt']);

function readSettings(names: readonly string[]): string {
  return `SELECT ${names.map((name) => `current_setting(${quoteLiteral(name)})`).join(', ')}`;
}

function writeSettings(values: Record<string, string>): string {
  return Object.entries(values).map(([name, value]) => `SET ${name} = ${quoteLiteral(value)}`).join('; ');
}

function zip(names: readonly string[], row: ReadonlyArray<string | null> | undefined): Record<string, string> {
  return Object.fromEntries(names.map((name, i) => [name, row?.[i] ?? '']));
}

/** Adds a cell's values to what is pending; the oldest `previous` is the value to go back to. */
function mergePending(pending: PendingRestore | null, previous: Record<string, string>, applied: Record<string, string>): PendingRestore {
  const merged: PendingRestore = { previous: { ...previous, ...pending?.previous }, applied: { ...pending?.applied } };
  for (const [name, value] of Object.entries(applied)) merged.applied[name] = [...(merged.applied[name] ?? []), value];
  return merged;
}

/** Puts back what an earlier cell's restore could not make stick, when outside a transaction. */
export async function settlePendingRestore(backend: SqlBackend, session: SettingsSession): Promise<void> {
  const pending = session.pendingRestore;
  if (!pending || backend.transactionStatus() !== 'idle') return;
  const names = Object.keys(pending.previous);
  const current = zip(names, (await runInternalQuery(backend, readSettings(names)))[0]);
  const stale = Object.fromEntries(names.filter((name) => pending.applied[name]?.includes(current[name] ?? '')).map((name) => [name, pending.previous[name] ?? '']));
  if (Object.keys(stale).length > 0) await runInternalQuery(backend, writeSettings(stale));
  session.pendingRestore = null;
}

/** The settings guard of one cell. */
export interface CellSettings {
  /** Applies the settings if needed; resolves to a notice to show, or null. Throws `InternalQueryError`. */
  beforeStatement(): Promise<string | null>;
  /** Tells the guard which kind of statement just ran. */
  afterStatement(kind: string | null): void;
  /** Puts the previous values back (or leaves them pending). Throws `InternalQueryError`. */
  restore(): Promise<void>;
}

/** Creates the guard for a cell; a cell with neither `readonly` nor `timeoutMs` gets one that does nothing. */
export function createCellSettings(backend: SqlBackend, session: SettingsSession, wanted: { readonly: boolean; timeoutMs: number | null }): CellSettings {
  const values: Record<string, string> = {};
  if (wanted.timeoutMs !== null) values.statement_timeout = String(Math.max(1, Math.round(wanted.timeoutMs)));
  if (wanted.readonly) values.default_transaction_read_only = 'on';
  const names = Object.keys(values);
  let previous: Record<string, string> | null = null;
  let applied: Record<string, string> = {};
  let needed = names.length > 0;
  let warned = false;
  return {
    async beforeStatement() {
      const status = backend.transactionStatus();
      if (!needed || status === 'failed') return null;
      previous ??= zip(names, (await runInternalQuery(backend, readSettings(names)))[0]);
      const inTransaction = status === 'transaction' && wanted.readonly;
      const sql = `${inTransaction ? 'SET TRANSACTION READ ONLY; ' : ''}${writeSettings(values)}; ${readSettings(names)}`;
      applied = zip(names, (await runInternalQuery(backend, sql))[0]);
      needed = false;
      if (!inTransaction || warned) return null;
      warned = true;
      return 'this read-only cell runs inside a transaction left open by an earlier cell: that transaction is read-only from now on, until it ends';
    },
    afterStatement(kind) {
      if (names.length > 0 && kind !== null && UNDOING_KINDS.has(kind)) needed = true;
    },
    async restore() {
      if (!previous || backend.lostReason()) return;
      const pending = mergePending(session.pendingRestore, previous, applied);
      if (backend.transactionStatus() === 'failed') {
        session.pendingRestore = pending;
        return;
      }
      await runInternalQuery(backend, writeSettings(previous));
      session.pendingRestore = backend.transactionStatus() === 'transaction' ? pending : null;
    },
  };
}
