import { LitopsError } from '../model/errors.js';

const RUN_ID = /^\d{8}-\d{6}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The run directory's name for a run id: the id itself, which the executor
 * already makes as `<YYYYMMDD-HHMMSS>-<runbook-slug>-<id>` (`createRunId`).
 * Throws for anything that is not such an id, so a name never escapes the log directory.
 */
export function findRunDirName(runId: string): string {
  if (!RUN_ID.test(runId) || runId.length > 100) throw new LitopsError('invalid-run-id', `"${runId}" is not a run id (<YYYYMMDD-HHMMSS>-<runbook-slug>-<id>)`);
  return runId;
}
