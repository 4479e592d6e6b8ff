import type { RunRecord } from '../run-record/index.js';
import { getCellPlace } from '../run-record/index.js';
import { buildCellCase } from './build-cell-case.js';
import { buildCriterionCase } from './build-criterion-case.js';
import type { JunitCase, JunitSuite } from './junit-model.js';

/** The classname and suite name of cells and criteria that belong to no procedure. */
export const NO_PROCEDURE = '(runbook)';

/**
 * One suite per procedure, in the order the report's cells reach them: its
 * cells (in run order), then its criteria. Each suite carries the run's
 * properties (run id, principal, key, verification).
 */
export function buildJunitSuites(record: RunRecord): JunitSuite[] {
  const suites = new Map<string, JunitCase[]>();
  const add = (procedure: string, testcase: JunitCase) => suites.set(procedure, [...(suites.get(procedure) ?? []), testcase]);
  for (const cell of record.cells) {
    const procedure = getCellPlace(cell, record.runbook).procedure ?? NO_PROCEDURE;
    add(procedure, buildCellCase(cell, procedure));
  }
  for (const criterion of record.criteria) {
    const procedure = criterion.criterion?.procedure ?? NO_PROCEDURE;
    add(procedure, buildCriterionCase(criterion, procedure));
  }
  const properties = buildProperties(record);
  return [...suites].map(([name, cases]) => ({ name, timestamp: record.start.ts, hostname: record.start.host, properties, cases }));
}

function buildProperties({ start, end, verification }: RunRecord): JunitSuite['properties'] {
  return [
    ['litops.runId', start.runId],
    ['litops.runbook', start.runbook.path ?? start.runbook.title],
    ['litops.runbookSha256', start.runbook.sha256],
    ['litops.principal', start.principal],
    ['litops.keyFingerprint', `${start.keyFingerprint}${start.ephemeralKey ? ' (ephemeral)' : ''}`],
    ['litops.status', end ? `${end.status} (exit ${end.exitCode})` : 'incomplete (no run.end)'],
    ['litops.verification', verification.status],
    ...verification.problems.map((problem, index): [string, string] => [`litops.verification.problem.${index + 1}`, problem]),
  ];
}
