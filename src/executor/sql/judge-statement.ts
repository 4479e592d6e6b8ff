import type { SqlStatementResult } from '../../model/events.js';
import type { SqlBackend } from './backend.js';
import type { WatchedOutcome } from './execute-watched.js';
import type { PlannedStep } from './plan-cell.js';
import type { SqlSession } from './sql-session.js';
import type { SqlCellInput, SqlCellResult, SqlRunHooks } from './types.js';

type Status = SqlCellResult['status'];

/** A statement of the cell's plan. */
export type StatementStep = Extract<PlannedStep, { kind: 'statement' }>;

/** Mutable state of one cell run. */
export interface CellRun {
  statements: SqlStatementResult[];
  notices: string[];
  status: Status;
  error: string | null;
  /** The last statement that returned rows. */
  lastRows: { rowCount: number | null; value: string | null } | null;
  /** Time spent opening the target (connecting, or starting the embedded database): not the cell's duration. */
  openMs: number;
}

/** Decides the cell's status after one statement; null when the cell goes on. */
export function judgeStatement(outcome: WatchedOutcome, step: StatementStep, result: SqlStatementResult, backend: SqlBackend, session: SqlSession, cell: SqlCellInput): { status: Status; error: string } | null {
  const at = `line ${result.error?.line ?? step.line}`;
  if (outcome.lost) session.lossReported = true;
  if (outcome.stoppedBy === 'timed-out') {
    const dropped = outcome.dropped ? '; it did not stop, so the connection was dropped and the next cell reconnects' : '';
    return { status: 'timed-out', error: `${at}: timed out: the cell's ${cell.timeoutMs} ms were used up, the statement was cancelled${dropped}` };
  }
  if (outcome.stoppedBy === 'cancelled') {
    const dropped = outcome.dropped ? '; it did not stop, so the connection was dropped and the next cell reconnects' : '';
    return { status: 'cancelled', error: `${at}: cancelled by the operator${dropped}` };
  }
  if (outcome.lost) {
    return { status: 'error', error: `${at}: lost the connection to ${session.target.description}: ${outcome.lost.message}; session state (settings, temporary tables, an open transaction) is gone and the next cell reconnects` };
  }
  const error = result.error;
  if (!error) return null;
  if (error.code === '57014' && cell.timeoutMs !== null && /statement timeout/.test(error.message)) {
    return { status: 'timed-out', error: `${at}: ${error.message} (${cell.timeoutMs} ms)` };
  }
  const aborted = backend.transactionStatus() === 'failed' ? '; the transaction is now aborted: statements fail until ROLLBACK' : '';
  return { status: 'failed', error: `${at}: ${error.message}${error.code ? ` (SQLSTATE ${error.code})` : ''}${aborted}` };
}

/** Stops before a statement when the operator aborted or the cell's time is up. */
export function checkBefore(run: CellRun, step: PlannedStep, hooks: SqlRunHooks, deadline: number | null, cell: SqlCellInput): boolean {
  if (hooks.signal?.aborted) {
    run.status = 'cancelled';
    run.error = `cancelled by the operator before line ${step.line}; the statements from there on were not run`;
    return false;
  }
  if (deadline !== null && performance.now() >= deadline) {
    run.status = 'timed-out';
    run.error = `timed out before line ${step.line}: the cell's ${cell.timeoutMs} ms were used up`;
    return false;
  }
  return true;
}
