import type { RunLog } from '../run-log.js';

/**
 * A run log that records the replayed edits as edits: the replay runs an edited
 * cell from a runbook whose source was replaced by the edit, so the executor sees
 * no edit and writes `originalSha256: null`; this sets it to the sha256 of the
 * runbook's own source, as the original run recorded it.
 */
export function markRecordedEdits(log: RunLog, originalSha256: ReadonlyMap<string, string>): RunLog {
  if (originalSha256.size === 0) return log;
  return {
    runDir: log.runDir,
    finish: (ended) => log.finish(ended),
    write(event) {
      const original = event.type === 'cell.start' && event.originalSha256 === null ? originalSha256.get(event.cell) : undefined;
      return log.write(original === undefined || event.type !== 'cell.start' ? event : { ...event, originalSha256: original });
    },
  };
}
