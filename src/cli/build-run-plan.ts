import type { GateProblem, Plan, ResolvedInputs, Selection } from '../executor/index.js';
import { getCellTimeout, listRunDiagnostics, redactUrl } from '../executor/index.js';
import type { RunTimeout } from '../model/events.js';
import { PLAN_SCHEMA_VERSION, type PlanCell, type PlanInput, type RunPlan } from '../model/plan.js';
import type { Cell, Runbook, Variable } from '../model/runbook.js';
import { describePlanTarget, type TargetOptions } from './describe-plan-target.js';

/** What a dry run knows: the runbook, the plan, the inputs it needs and their values, what would stop it. */
export interface BuildRunPlanInput {
  runbook: Runbook;
  plan: Plan;
  selection: Selection;
  /** The inputs in scope (see `scopeInputs`), in runbook order. */
  variables: readonly Variable[];
  inputs: Pick<ResolvedInputs, 'values' | 'sources'>;
  problems: GateProblem[];
  targets: TargetOptions;
  /** The per-cell timeout a real run would give the cells that set none (see `resolveRunTimeout`). */
  timeout: RunTimeout;
}

const REDACTED = '[REDACTED]';

/**
 * The plan of a run as data (`run --dry-run --json` prints it; the text dry run
 * is drawn from it): secrets are `[REDACTED]`, URL passwords too, SQL targets are
 * resolved but never connected.
 */
export function buildRunPlan({ runbook, plan, selection, variables, inputs, problems, targets, timeout }: BuildRunPlanInput): RunPlan {
  const describe = (cell: Cell): PlanCell => ({
    id: cell.id,
    line: cell.line,
    lang: cell.lang,
    executable: cell.executable,
    block: cell.block,
    dialect: cell.dialect,
    placeholders: cell.placeholders,
    target: cell.lang === 'sql' ? describePlanTarget(cell.attributes.connection ?? null, runbook, targets) : null,
    readonly: cell.attributes.readonly ?? runbook.frontMatter.readonly ?? false,
    destructive: cell.destructive,
    reasons: cell.reasons.map(({ rule, reason, line }) => ({ rule, reason, line })),
    blocking: cell.blocking,
    blockingReasons: cell.blockingReasons.map(({ rule, reason, line }) => ({ rule, reason, line })),
    timeoutMs: getCellTimeout(cell, timeout),
    timeoutSource: cell.attributes.timeout !== undefined ? 'cell' : timeout.source,
    expectations: cell.expectations,
    capture: cell.attributes.capture ?? null,
  });
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    runbook: { title: runbook.title, path: runbook.path, sha256: runbook.sha256 },
    selection: { only: selection.only ?? [], from: selection.from ?? null, to: selection.to ?? null, tags: selection.tags ?? [] },
    inputs: variables.map((variable) => describeInput(variable, inputs)),
    timeout,
    steps: plan.steps.map(({ step, cells, skipped }) => ({
      id: step.id,
      title: step.title,
      procedure: step.procedure,
      line: step.line,
      kind: step.kind,
      role: step.role,
      cells: cells.map(describe),
      skipped: skipped.map(({ cell, reason }) => ({ id: cell.id, line: cell.line, lang: cell.lang, executable: cell.executable, block: cell.block, reason })),
    })),
    notes: plan.notes,
    problems,
    diagnostics: listRunDiagnostics(runbook),
  };
}

function describeInput(variable: Variable, inputs: BuildRunPlanInput['inputs']): PlanInput {
  const value = Object.hasOwn(inputs.values, variable.name) ? inputs.values[variable.name]! : null;
  const source = Object.hasOwn(inputs.sources, variable.name) ? (inputs.sources[variable.name] as PlanInput['source']) : null;
  return {
    name: variable.name,
    required: variable.required,
    secret: variable.secret,
    value: value === null ? null : variable.secret ? REDACTED : redactUrl(value),
    source: value === null ? null : source,
    description: variable.description,
    line: variable.line,
  };
}
