import type { EventOf, SqlStatementResult } from '../../model/events.js';
import type { ExpectationActual } from '../../model/expectation.js';
import { extractLastNumber } from '../../parser/index.js';
import type { CellOutcome, RunContext } from './run-context.js';

/** A cell's latest finished attempt read back from a run's log: its `cell.end` and its (redacted) out files. */
export interface LoggedCellResult {
  end: EventOf<'cell.end'>;
  /** How many attempts the log holds of this cell. */
  attempts: number;
  stdout: string;
  stderr: string;
  /** SQL cells: the attempt's statement results; null for shell cells or when missing. */
  sql: SqlStatementResult[] | null;
}

/**
 * Puts the results a resumed run's log already holds into `context.results`,
 * so checks bound to cells that finished before the interruption are evaluated
 * on them, as they would have been had the run not stopped. Cells no longer in
 * the runbook are left out.
 */
export function restoreCellResults(context: RunContext, logged: ReadonlyMap<string, LoggedCellResult>): void {
  for (const [id, result] of logged) {
    const cell = context.runbook.cells.find((candidate) => candidate.id === id);
    if (!cell) continue;
    const { end } = result;
    const outcome = {
      cell,
      attempt: end.attempt,
      cellAttempt: result.attempts,
      status: end.status,
      exitCode: end.exitCode,
      signal: end.signal,
      durationMs: end.durationMs,
      expectations: end.expectations,
      error: end.error,
      timedOut: end.timedOut ?? false,
      stopped: end.stopped ?? null,
      actual: buildActual(cell.lang === 'sql', result),
      tail: end.tail,
    };
    context.results.set(id, outcome as CellOutcome);
  }
}

/** What checks see of a logged attempt: the same fields a running cell gives them. */
function buildActual(isSql: boolean, { end, stdout, stderr, sql }: LoggedCellResult): ExpectationActual {
  const last = sql?.findLast((statement) => statement.columns.length > 0 && statement.error === null);
  const value = isSql ? ((last?.rows[0]?.[0] ?? null) as string | number | null) : extractLastNumber(stdout);
  return {
    exitCode: end.exitCode,
    stdout,
    stderr,
    output: `${stdout}${stdout && stderr ? '\n' : ''}${stderr}`,
    value,
    ...(last && last.rowCount !== null ? { rows: last.rowCount } : {}),
    durationMs: end.durationMs,
  };
}
