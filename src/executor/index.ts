/**
 * The executor: plans a runbook, runs its cells (shell and SQL) and emits the
 * event stream that the journal, the TUI and the reporters consume.
 */
export { buildPlan, type Plan, type PlannedStep, type Selection } from './plan/build-plan.js';
export { checkGate, getGateExitCode, isOnPath, type GateOptions, type GateProblem } from './plan/check-gate.js';
export { buildPlanFromCells } from './plan/plan-from-cells.js';
export { listRunDiagnostics, RUN_SEVERITIES } from './plan/list-run-diagnostics.js';
export { createRun, emitRunStart, createRunId, type CreateRunOptions, type CreatedRun, type RunStartDetails } from './run/create-run.js';
export { runCell, type RunCellOptions } from './run/run-cell.js';
export { resolveRunTimeout, getCellTimeout, hasOwnTimeout, DEFAULT_UNATTENDED_TIMEOUT_MS } from './run/resolve-run-timeout.js';
export { runUnattended, summarizeRun, type RunSummary, type UnattendedOptions } from './run/run-unattended.js';
export type { CellOutcome, RunContext } from './run/run-context.js';
export { restoreCellResults, type LoggedCellResult } from './run/restore-cell-results.js';
export { resolveTarget, type TargetSpec } from './sql/index.js';
export { parseSetOptions, readEnvFile, resolveInputs, scopeInputs, type ResolvedInputs, type InputSources } from './inputs/index.js';
export { redactUrl } from './secrets/index.js';
export { readAnswersFile, parseAnswers, findUnknownAnswerIds } from './answers/index.js';
