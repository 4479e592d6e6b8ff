/**
 * The journal: a run's signed, hash-chained execution log (the run directory
 * of design.md). It writes the executor's events as they come, signs the chain
 * at every cell boundary and the whole run at its end, verifies a run
 * directory offline, and reopens an interrupted run to continue it. Signing
 * (keys, SSHSIG, allowed_signers) is re-exported from ./signing/.
 */
export { createJournal, type JournalOptions } from './create-journal.js';
export type { Journal } from './write/create-journal-writer.js';
export type { CastSize } from './write/format-cast.js';
export { isResumableEnd, openJournalForResume, type ResumeOptions } from './resume/open-journal-for-resume.js';
export type { ResumeState } from './resume/build-resume-state.js';
export type { LoggedCellResult } from './resume/read-cell-results.js';
export { verifyRunDir } from './verify/verify-run-dir.js';
export type { VerifyOptions } from './verify/inspect-run-dir.js';
export type { VerifyReport } from './verify/verify-report.js';
export { formatVerifyReport } from './verify/format-verify-report.js';
export { findRunDirName } from './find-run-dir-name.js';
export { formatEventLine } from './format-event-line.js';
export { SIGNATURE_NAMESPACE } from './run-dir-layout.js';
export type { CellEndLine, CheckpointLine, FileDigestRecord, InterruptedCell, JournalLine, RunResumeLine, RunStartLine } from './journal-lines.js';
export * from './signing/index.js';
