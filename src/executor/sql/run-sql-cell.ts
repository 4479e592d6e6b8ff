import { loadSqlParser } from '../../parser/index.js';
import { ConnectionLostError, type RawStatementResult, type SqlBackend } from './backend.js';
import { buildSkippedResult, buildStatementResult } from './build-statement-result.js';
import { createCellSettings, settlePendingRestore, type CellSettings } from './cell-settings.js';
import { executeWatched } from './execute-watched.js';
import { InternalQueryError } from './internal-query.js';
import { checkBefore, judgeStatement, type CellRun, type StatementStep } from './judge-statement.js';
import { planCell, type PlannedStep } from './plan-cell.js';
import { redactDeep } from './redact.js';
import { findRefusal } from './refuse-statement.js';
import { nameType, resolveTypeNames } from './resolve-type-names.js';
import { ensureBackend, type SqlSession } from './sql-session.js';
import type { SqlCellInput, SqlCellResult, SqlRunHooks, SqlSessionsOptions } from './types.js';

const DEFAULT_MAX_ROWS = 1000;
const DEFAULT_CANCEL_GRACE_MS = 5000;

/** Records a statement litops refuses to send as a failed one. */
async function refuse(run: CellRun, step: StatementStep, reason: string, session: SqlSession, hooks: SqlRunHooks): Promise<false> {
  const error = { severity: 'ERROR', message: reason, code: null, position: null, detail: null, hint: null, where: null };
  const raw: RawStatementResult = { tag: null, columns: null, rows: [], rowsReceived: 0, notices: [], noticesDropped: 0, error };
  const result = redactDeep(buildStatementResult({ index: run.statements.length, text: step.text, line: step.line, raw, durationMs: 0, typeName: String }), session.redact);
  run.statements.push(result);
  await hooks.onStatement(result);
  run.status = 'failed';
  run.error = `line ${step.line}: ${reason}`;
  return false;
}

async function runStatement(run: CellRun, step: StatementStep, backend: SqlBackend, session: SqlSession, settings: CellSettings, cell: SqlCellInput, hooks: SqlRunHooks, options: SqlSessionsOptions & { deadline: number | null }): Promise<boolean> {
  const refusal = findRefusal(step.statementKind, step.text);
  if (refusal) return refuse(run, step, refusal, session, hooks);
  const notice = await settings.beforeStatement();
  if (notice) run.notices.push(notice);
  const started = performance.now();
  const outcome = await executeWatched(backend, step.text, {
    maxRows: hooks.maxRows ?? DEFAULT_MAX_ROWS,
    signal: hooks.signal,
    deadline: options.deadline,
    graceMs: options.cancelGraceMs ?? DEFAULT_CANCEL_GRACE_MS,
  });
  const durationMs = performance.now() - started;
  const raw: RawStatementResult = outcome.raw ?? { tag: null, columns: null, rows: [], rowsReceived: 0, notices: [], noticesDropped: 0, error: outcome.lost?.serverError ?? null };
  if (raw.columns) await resolveTypeNames(backend, session.typeNames, raw.columns.map((column) => column.typeOid));
  const built = buildStatementResult({ index: run.statements.length, text: step.text, line: step.line, raw, durationMs, typeName: (oid) => nameType(session.typeNames, oid) });
  const result = redactDeep(built, session.redact);
  run.statements.push(result);
  if (raw.columns && !raw.error) run.lastRows = { rowCount: result.rowCount, value: raw.rows[0]?.[0] ?? null };
  await hooks.onStatement(result);
  settings.afterStatement(step.statementKind);
  const verdict = judgeStatement(outcome, step, result, backend, session, cell);
  if (!verdict) return true;
  run.status = verdict.status;
  run.error = verdict.error;
  return false;
}

async function runSteps(run: CellRun, steps: PlannedStep[], session: SqlSession, cell: SqlCellInput, hooks: SqlRunHooks, options: SqlSessionsOptions, started: number): Promise<void> {
  let open: { backend: SqlBackend; settings: CellSettings } | null = null;
  const deadline = cell.timeoutMs === null ? null : started + cell.timeoutMs;
  try {
    for (const step of steps) {
      if (step.kind === 'meta') {
        const skipped = redactDeep(buildSkippedResult(run.statements.length, step.text, step.line, step.note), session.redact);
        run.statements.push(skipped);
        await hooks.onStatement(skipped);
        continue;
      }
      // PGlite runs on this thread: let due timers and input (an abort) be seen between its statements.
      if (open && !open.backend.canCancel) await new Promise((resolve) => setTimeout(resolve, 0));
      if (!checkBefore(run, step, hooks, deadline, cell)) return;
      if (!open) {
        const opening = performance.now();
        const backend = await ensureBackend(session, options, run.notices);
        run.openMs += performance.now() - opening;
        if (typeof backend === 'string') {
          run.status = 'error';
          run.error = backend;
          return;
        }
        await settleEarlierSettings(run, backend, session);
        open = { backend, settings: createCellSettings(backend, session, cell) };
      }
      if (!(await runStatement(run, step, open.backend, session, open.settings, cell, hooks, { ...options, deadline }))) return;
    }
  } finally {
    if (open) await finishCell(run, open.backend, open.settings, session);
  }
}

/** Puts back settings an earlier cell could not restore (see cell-settings.ts); a failure is only a notice. */
async function settleEarlierSettings(run: CellRun, backend: SqlBackend, session: SqlSession): Promise<void> {
  try {
    await settlePendingRestore(backend, session);
  } catch (error) {
    if (error instanceof ConnectionLostError) throw error;
    run.notices.push(`could not put back the read-only/timeout settings of an earlier cell (${(error as Error).message})`);
  }
}

/** Restores the session settings and says when the cell leaves a transaction open. Never throws. */
async function finishCell(run: CellRun, backend: SqlBackend, settings: CellSettings, session: SqlSession): Promise<void> {
  if (backend.lostReason()) return;
  try {
    await settings.restore();
  } catch (error) {
    if (error instanceof ConnectionLostError) return;
    run.notices.push(`could not put back the session's read-only/timeout settings after this cell (${(error as Error).message}); later cells may still run with them`);
  }
  const status = backend.transactionStatus();
  if (status === 'idle' || backend.lostReason()) return;
  const state = status === 'failed' ? 'an aborted transaction (ROLLBACK ends it)' : 'an open transaction';
  run.notices.push(`the cell ended inside ${state}; the next cells on target "${session.target.name}" continue in it`);
}

/**
 * Runs one SQL cell on its target's session: binds psql variables, splits
 * the statements with the real parser, and sends them one at a time. Never
 * throws for the cell's own failure (SQL errors, timeouts, cancellation, an
 * unreachable server, a lost connection): see `SqlCellResult.status`.
 */
export async function runSqlCell(session: SqlSession, cell: SqlCellInput, hooks: SqlRunHooks, options: SqlSessionsOptions): Promise<SqlCellResult> {
  const started = performance.now();
  const run: CellRun = { statements: [], notices: [], status: 'passed', error: null, lastRows: null, openMs: 0 };
  if (hooks.signal?.aborted) {
    run.status = 'cancelled';
    run.error = 'cancelled by the operator before it started; nothing was run';
  } else {
    await loadSqlParser();
    const plan = planCell(cell.source, cell.variables);
    if (plan.ok) {
      try {
        await runSteps(run, plan.steps, session, cell, hooks, options, started);
      } catch (error) {
        // litops' own queries (settings) failed or lost the connection: the cell could not be run as asked.
        if (error instanceof ConnectionLostError) {
          session.lossReported = true;
          run.status = 'error';
          run.error = `lost the connection to ${session.target.description}: ${error.message}; the next cell reconnects`;
        } else if (error instanceof InternalQueryError) {
          run.status = 'error';
          run.error = `could not apply the cell's read-only/timeout settings: ${error.message}; the statements from there on were not run`;
        } else {
          throw error;
        }
      }
    } else {
      run.status = plan.status;
      run.error = plan.error;
    }
  }
  return redactDeep(
    { status: run.status, statements: run.statements, rowCount: run.lastRows?.rowCount ?? null, value: run.lastRows?.value ?? null, error: run.error, durationMs: performance.now() - started - run.openMs, notices: run.notices },
    session.redact,
  );
}
