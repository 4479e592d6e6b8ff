import type { ReportAttempt, ReportCell } from '../../model/report.js';
import type { Runbook } from '../../model/runbook.js';
import { getCellPlace, type AttemptRecord, type CellRecord } from '../run-record/index.js';

/** The report's view of each cell: where it is in the runbook, how it ended, each attempt. */
export function buildReportCells(cells: readonly CellRecord[], runbook: Runbook): ReportCell[] {
  return cells.map((record) => ({
    id: record.id,
    ...getCellPlace(record, runbook),
    name: record.cell?.attributes.name ?? null,
    lang: record.cell?.lang ?? record.attempts[0]?.start.lang ?? null,
    line: record.cell?.line ?? null,
    destructive: record.cell?.destructive ?? false,
    status: record.status,
    attempts: record.attempts.map(buildReportAttempt),
    skipReason: record.status === 'skipped' ? (record.decisions.findLast((decision) => decision.action === 'skip')?.reason ?? null) : null,
  }));
}

/** One attempt, with the digests of its output rather than the output. */
export function buildReportAttempt({ attempt, start, end, sql, edited }: AttemptRecord): ReportAttempt {
  return {
    attempt,
    startedAt: start.ts,
    endedAt: end?.ts ?? null,
    status: end?.status ?? null,
    exitCode: end?.exitCode ?? null,
    signal: end?.signal ?? null,
    durationMs: end?.durationMs ?? null,
    target: start.target,
    sourceSha256: start.sha256,
    originalSha256: start.originalSha256,
    edited,
    expectations: end?.expectations ?? [],
    error: end?.error ?? null,
    capture: end?.capture ?? null,
    stdout: end ? end.stdout : null,
    stderr: end ? end.stderr : null,
    sql: sql ? sql.map((statement) => ({ index: statement.index, line: statement.line, command: statement.command, rowCount: statement.rowCount, durationMs: statement.durationMs, error: statement.error?.message ?? null })) : null,
    ...(end?.stopped ? { stopped: end.stopped } : {}),
  };
}
