import { readStopNotice } from '../write/format-stop-notice.js';
import type { ChainedLine } from '../verify/read-event-chain.js';

/**
 * Why a run is resumed, from how its last stretch (after the last `run.resume`)
 * ends: a `run.end` (interrupted, or waiting for a person), the notice of a run
 * that stopped without one (the operator quit, a signal), or nothing: it was cut off.
 */
export function describeResumeReason(lines: readonly ChainedLine[]): string {
  const segment = lines.slice(lines.findLastIndex((line) => line.record.type === 'run.resume') + 1).map((line) => line.record as Record<string, unknown>);
  const end = segment.findLast((record) => record.type === 'run.end');
  if (end) {
    const why = typeof end.reason === 'string' && end.reason ? ` (${end.reason})` : '';
    return end.status === 'needs-person' ? `resumed: the run was waiting for a person${why}` : `resumed after the run was ${String(end.status)}${why}`;
  }
  for (const record of segment.toReversed()) {
    const stop = record.type === 'run.notice' && typeof record.message === 'string' ? readStopNotice(record.message) : null;
    if (stop) return `resumed after ${stop}`;
  }
  return 'resumed after the run was cut off (its log ends without run.end: killed, crashed or the machine stopped)';
}
