import type { RunRecord } from '../run-record/index.js';

/**
 * Who ran an attempt: the principal of `run.start`, or of the last `run.resume`
 * before the attempt's `cell.start` (a resumed run may be continued by someone else).
 */
export function getAttemptPrincipal(record: RunRecord, attempt: number): string {
  let principal = record.start.principal;
  for (const line of record.events) {
    if (line.type === 'run.resume' && typeof line.principal === 'string') principal = line.principal;
    if (line.type === 'cell.start' && line.attempt === attempt) break;
  }
  return principal;
}
