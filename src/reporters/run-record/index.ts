/**
 * A run directory read back for reporters: verified, with its runbook parsed
 * and its events grouped per cell attempt and per criterion.
 */
export { loadRunRecord } from './load-run-record.js';
export { getCellPlace, type CellPlace } from './get-cell-place.js';
export { MAX_OUT_BYTES } from './run-record.js';
export type { AttemptRecord, CellRecord, CriterionRecord, EventLineRecord, RunRecord, RunStartRecord } from './run-record.js';
