import { z } from 'zod';
import { DiagnosticSchema } from './diagnostic.js';
import { RunTimeoutSchema } from './events.js';
import { ExpectationSchema } from './expectation.js';
import { BlockClassSchema, PlaceholderSchema, StepKindSchema, StepRoleSchema } from './runbook.js';

/**
 * The plan of a run, as `litops run --dry-run --json` prints it: what would run,
 * against what, with which inputs, and what would stop it. A public interface:
 * change it only on purpose, and bump `schemaVersion` when a change breaks readers.
 */
export const PLAN_SCHEMA_VERSION = 1;

/** What stops a run before any cell runs. */
export const GateProblemKindSchema = z.enum([
  /** An error diagnostic in the runbook (exit 2). */
  'diagnostic',
  /** A command of the front matter's `requires` is not on PATH (exit 2). */
  'requires',
  /** A required input has no value (exit 3). */
  'input',
  /** A destructive cell nobody allowed (exit 3). */
  'destructive',
  /** An interactive cell in an unattended run (exit 3). */
  'interactive',
  /** A blocking cell (`tail -f`, `watch`...) that no `timeout` attribute bounds, in an unattended run (exit 3). */
  'blocking',
  /** A replayed cell whose recorded source cannot be trusted (exit 3). */
  'recorded-source',
]);
export type GateProblemKind = z.infer<typeof GateProblemKindSchema>;

/** Why a run cannot start: exit 2 (the input is wrong) or 3 (a person must act). */
export const GateProblemSchema = z.object({
  kind: GateProblemKindSchema,
  exitCode: z.union([z.literal(2), z.literal(3)]),
  /** One line, naming the cell, input or command, and how to fix it. */
  message: z.string(),
});
export type GateProblem = z.infer<typeof GateProblemSchema>;

/** An input the planned cells need. */
export const PlanInputSchema = z.object({
  name: z.string(),
  /** A run refuses to start (exit 3) while a required input has no value. */
  required: z.boolean(),
  secret: z.boolean(),
  /** The value a run would use; `[REDACTED]` for a secret; null when nothing gives it one. */
  value: z.string().nullable(),
  /** Where the value comes from; null when it has none. */
  source: z.enum(['--set', '--env-file', 'environment', 'default']).nullable(),
  /** The front matter's description, or why it is asked for (e.g. the cell that sets it is not selected). */
  description: z.string().nullable(),
  /** 1-based line of its first mention. */
  line: z.number().int().min(1),
});
export type PlanInput = z.infer<typeof PlanInputSchema>;

/** Where a SQL cell's statements would go, resolved but not connected. */
export const PlanTargetSchema = z.object({
  /** `unresolved`: the target cannot be resolved (an unknown connection, an unset `env:` URL); the description says why. */
  kind: z.enum(['postgres', 'embedded', 'unresolved']),
  /** As `run --dry-run` prints it; passwords are `[REDACTED]`. */
  description: z.string(),
  /** What chose it: `connection`, `--db`, `DATABASE_URL`, `PG*`, `embedded`, `sandbox`; null when unresolved. */
  source: z.string().nullable(),
});
export type PlanTarget = z.infer<typeof PlanTargetSchema>;

/** A cell that would run. */
export const PlanCellSchema = z.object({
  id: z.string(),
  /** 1-based line of the opening fence. */
  line: z.number().int().min(1),
  lang: z.string(),
  executable: z.boolean(),
  block: BlockClassSchema,
  dialect: z.string().nullable(),
  placeholders: z.array(PlaceholderSchema),
  /** SQL cells: where the SQL would go; null for shell cells. */
  target: PlanTargetSchema.nullable(),
  /** Runs in a read-only transaction (the cell's or the runbook's `readonly`). */
  readonly: z.boolean(),
  destructive: z.boolean(),
  /** Why it is destructive; `line` is the file line of the offending command. */
  reasons: z.array(z.object({ rule: z.string(), reason: z.string(), line: z.number().int().min(1) })),
  /**
   * It never ends by itself or waits for a person (`tail -f`, `watch`, `read -p`): an
   * unattended run refuses it unless its `timeout` attribute bounds it; ending by that
   * timeout counts as done.
   */
  blocking: z.boolean(),
  /** Why it is blocking; `line` is the file line of the command. */
  blockingReasons: z.array(z.object({ rule: z.string(), reason: z.string(), line: z.number().int().min(1) })),
  /** The timeout a real run would give it: its own `timeout`, else the run's (see `timeout`); null: none. */
  timeoutMs: z.number().nullable(),
  /** What set `timeoutMs`: `cell` (its `timeout` attribute: what lets a blocking cell run), else the run's source. */
  timeoutSource: z.enum(['cell', ...RunTimeoutSchema.shape.source.options]),
  /** Its `expect` attributes, parsed (the implicit `exit == 0` of shell cells is not listed). */
  expectations: z.array(ExpectationSchema),
  /** The variable its output is captured into, or null. */
  capture: z.string().nullable(),
});
export type PlanCell = z.infer<typeof PlanCellSchema>;

/** A cell of a planned step that would not run, and why (a reference block, `skip`, outside `--from`/`--to`). */
export const PlanSkippedCellSchema = z.object({
  id: z.string(),
  line: z.number().int().min(1),
  lang: z.string(),
  executable: z.boolean(),
  block: BlockClassSchema,
  reason: z.string(),
});
export type PlanSkippedCell = z.infer<typeof PlanSkippedCellSchema>;

/** A step of the plan, in plan order (document order, moved only by `needs`). */
export const PlanStepSchema = z.object({
  id: z.string(),
  title: z.string(),
  procedure: z.string(),
  line: z.number().int().min(1),
  kind: StepKindSchema,
  role: StepRoleSchema,
  cells: z.array(PlanCellSchema),
  skipped: z.array(PlanSkippedCellSchema),
});
export type PlanStep = z.infer<typeof PlanStepSchema>;

/** The plan of a run (`litops run --dry-run --json`). */
export const RunPlanSchema = z.object({
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
  runbook: z.object({
    title: z.string(),
    /** The path as given on the command line. */
    path: z.string().nullable(),
    /** Hex sha256 of the file's exact bytes. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  /** `--only`, `--from`, `--to`, `--tag` as given (empty: the whole runbook). */
  selection: z.object({ only: z.array(z.string()), from: z.string().nullable(), to: z.string().nullable(), tags: z.array(z.string()) }),
  /** The inputs the planned cells need, in the runbook's order (the whole runbook's, for a whole run). */
  inputs: z.array(PlanInputSchema),
  /** The per-cell timeout of cells that set none, and what set it (an unattended run's default is 30 minutes). */
  timeout: RunTimeoutSchema,
  steps: z.array(PlanStepSchema),
  /** Notes for the operator, e.g. a selected step whose `needs` are not selected. */
  notes: z.array(z.string()),
  /** What a real run would refuse to start on; empty when it would start. */
  problems: z.array(GateProblemSchema),
  /** The runbook's errors and warnings (info diagnostics: `litops inspect`). */
  diagnostics: z.array(DiagnosticSchema),
});
export type RunPlan = z.infer<typeof RunPlanSchema>;
