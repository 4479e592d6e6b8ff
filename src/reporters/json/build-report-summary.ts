import type { ReportCell, ReportCriterion, ReportSummary } from '../../model/report.js';
import type { RunRecord } from '../run-record/index.js';

/** Who ran what, where and when, how it ended, and the counts of this report's cells and criteria. */
export function buildReportSummary(record: RunRecord, cells: readonly ReportCell[], criteria: readonly ReportCriterion[]): ReportSummary {
  const { start, end } = record;
  const count = (status: ReportCell['status'] | Array<ReportCell['status']>) => cells.filter((cell) => [status].flat().includes(cell.status)).length;
  const countCriteria = (results: Array<ReportCriterion['result']>) => criteria.filter((criterion) => results.includes(criterion.result)).length;
  return {
    runbook: { path: start.runbook.path, title: start.runbook.title, sha256: start.runbook.sha256 },
    runId: start.runId,
    principal: start.principal,
    keyFingerprint: start.keyFingerprint,
    ephemeralKey: start.ephemeralKey,
    host: start.host,
    user: start.user,
    toolVersion: start.toolVersion,
    mode: start.mode,
    gitCommit: start.gitCommit,
    startedAt: start.ts,
    endedAt: end?.ts ?? null,
    durationMs: end?.durationMs ?? null,
    status: end?.status ?? 'incomplete',
    exitCode: end?.exitCode ?? null,
    reason: end?.reason ?? null,
    counts: {
      cells: { total: cells.length, passed: count('passed'), failed: count(['failed', 'timed-out', 'cancelled', 'error']), skipped: count('skipped'), notRun: count('not-run') },
      attempts: cells.reduce((sum, cell) => sum + cell.attempts.length, 0),
      criteria: { total: criteria.length, passed: countCriteria(['pass']), failed: countCriteria(['fail']), notApplicable: countCriteria(['n/a']), open: countCriteria(['unanswered', 'not-evaluated']) },
    },
    resumes: record.resumes.length,
  };
}
