import type { Runbook } from '../../model/runbook.js';
import type { CellRecord } from './run-record.js';

/** Where a cell sits: its step and procedure, from the runbook graph, else from its first attempt; null when neither knows. */
export interface CellPlace {
  step: string | null;
  procedure: string | null;
}

/** The step and procedure of a cell record. */
export function getCellPlace(record: CellRecord, runbook: Runbook): CellPlace {
  const step = record.cell?.step ?? record.attempts[0]?.start.step ?? null;
  const procedure = step === null ? null : (runbook.steps.find((candidate) => candidate.id === step)?.procedure ?? null);
  return { step, procedure };
}
