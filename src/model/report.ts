import { z } from 'zod';
import { CellStatusSchema, CellStopSchema, RunEndEventSchema, DecisionEventSchema, CriterionEventSchema, RunNoticeEventSchema } from './events.js';
import { ExpectationResultSchema } from './expectation.js';

/**
 * The JSON report of a run (`litops report RUNDIR --format json`,
 * `--report json:PATH`). A public interface: change it only on purpose, and
 * bump `schemaVersion` when a change breaks readers. Times are RFC 3339 UTC
 * from the log; durations are milliseconds.
 */
export const RUN_REPORT_SCHEMA_VERSION = 1;

/** A file's size and sha256 (hex) as the log records it. */
const OutputDigestSchema = z.object({ bytes: z.number().int().min(0), sha256: z.string() });

/** How a cell ended in the run: its last attempt's status, or why it has none. */
export const ReportCellStatusSchema = z.enum([...CellStatusSchema.options, 'skipped', 'not-run']);

/** `incomplete`: the log has no `run.end` (a crash, a kill, or a resumed run still going). */
export const ReportRunStatusSchema = z.enum([...RunEndEventSchema.shape.status.options, 'incomplete']);

/** `not-evaluated`: the log has no `criterion` event for it. */
export const ReportCriterionResultSchema = z.enum([...CriterionEventSchema.shape.result.options, 'not-evaluated']);

export const ReportSummarySchema = z.object({
  runbook: z.object({ path: z.string().nullable(), title: z.string(), sha256: z.string() }),
  runId: z.string(),
  principal: z.string(),
  keyFingerprint: z.string(),
  /** True when the run was signed with a fresh throwaway key (integrity, not identity). */
  ephemeralKey: z.boolean(),
  host: z.string(),
  user: z.string(),
  toolVersion: z.string(),
  mode: z.enum(['ci', 'interactive']),
  gitCommit: z.string().nullable(),
  startedAt: z.string(),
  /** Null when the run has not ended. */
  endedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  status: ReportRunStatusSchema,
  exitCode: z.number().int().nullable(),
  reason: z.string().nullable(),
  /** Counted from the cells and criteria of this report (not copied from `run.end`). */
  counts: z.object({
    cells: z.object({ total: z.number().int(), passed: z.number().int(), failed: z.number().int(), skipped: z.number().int(), notRun: z.number().int() }),
    /** Cell attempts started (retries included). */
    attempts: z.number().int(),
    /** `open`: unanswered or not evaluated. */
    criteria: z.object({ total: z.number().int(), passed: z.number().int(), failed: z.number().int(), notApplicable: z.number().int(), open: z.number().int() }),
  }),
  /** How many times the run was resumed. */
  resumes: z.number().int(),
});

export const ReportVerificationSchema = z.object({
  status: z.enum(['valid', 'tampered', 'incomplete', 'unsigned']),
  exitCode: z.number().int(),
  problems: z.array(z.string()),
  checked: z.array(z.string()),
  signer: z.object({ principal: z.string(), fingerprint: z.string(), ephemeral: z.boolean() }).nullable(),
  intactThrough: z.object({ seq: z.number().int(), checkpointSeq: z.number().int().nullable() }),
});

export const ReportStepSchema = z.object({
  id: z.string(),
  title: z.string(),
  procedure: z.string(),
  kind: z.enum(['cells', 'manual', 'check']).nullable(),
  /** From the step's last `step.end`; `running` when it started and never ended; `not-run` when it never started. */
  status: z.enum(['passed', 'failed', 'skipped', 'running', 'not-run']),
  /** Ids of this step's cells in the report. */
  cells: z.array(z.string()),
});

export const ReportSqlStatementSchema = z.object({
  index: z.number().int(),
  line: z.number().int(),
  command: z.string().nullable(),
  rowCount: z.number().int().nullable(),
  durationMs: z.number(),
  error: z.string().nullable(),
});

export const ReportAttemptSchema = z.object({
  attempt: z.number().int(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  /** Null when the attempt never ended. */
  status: CellStatusSchema.nullable(),
  exitCode: z.number().int().nullable(),
  signal: z.string().nullable(),
  durationMs: z.number().nullable(),
  target: z.string(),
  /** sha256 of the source that ran, and of the runbook's when the operator edited it (else null). */
  sourceSha256: z.string(),
  originalSha256: z.string().nullable(),
  edited: z.boolean(),
  expectations: z.array(ExpectationResultSchema.extend({ source: z.string() })),
  error: z.string().nullable(),
  capture: z.object({ name: z.string(), value: z.string() }).nullable(),
  /** Null when the attempt never ended (its files were not recorded). */
  stdout: OutputDigestSchema.nullable(),
  stderr: OutputDigestSchema.nullable(),
  /** SQL cells: one entry per statement of `out/<n>.result.json` (rows left out); else null. */
  sql: z.array(ReportSqlStatementSchema).nullable(),
  /** A blocking cell ended on purpose (its timeout, the operator's Ctrl-C), which counts as done; absent otherwise. */
  stopped: CellStopSchema.optional(),
});

export const ReportCellSchema = z.object({
  id: z.string(),
  /** Null when the cell is not in the runbook's graph. */
  step: z.string().nullable(),
  procedure: z.string().nullable(),
  name: z.string().nullable(),
  lang: z.string().nullable(),
  /** 1-based line of the opening fence in runbook.md. */
  line: z.number().int().nullable(),
  destructive: z.boolean(),
  status: ReportCellStatusSchema,
  attempts: z.array(ReportAttemptSchema),
  /** The reason of the skip decision when skipped. */
  skipReason: z.string().nullable(),
});

export const ReportCriterionSchema = z.object({
  id: z.string(),
  procedure: z.string().nullable(),
  text: z.string().nullable(),
  check: z.string().nullable(),
  line: z.number().int().nullable(),
  result: ReportCriterionResultSchema,
  by: z.enum(['check', 'operator', 'answers']).nullable(),
  evidence: z.string().nullable(),
  note: z.string().nullable(),
});

export const RunReportSchema = z.object({
  schemaVersion: z.literal(RUN_REPORT_SCHEMA_VERSION),
  summary: ReportSummarySchema,
  verification: ReportVerificationSchema,
  steps: z.array(ReportStepSchema),
  cells: z.array(ReportCellSchema),
  criteria: z.array(ReportCriterionSchema),
  decisions: z.array(DecisionEventSchema.omit({ type: true })),
  notices: z.array(RunNoticeEventSchema.omit({ type: true })),
});
export type RunReport = z.infer<typeof RunReportSchema>;
export type ReportCell = z.infer<typeof ReportCellSchema>;
export type ReportAttempt = z.infer<typeof ReportAttemptSchema>;
export type ReportStep = z.infer<typeof ReportStepSchema>;
export type ReportCriterion = z.infer<typeof ReportCriterionSchema>;
export type ReportSummary = z.infer<typeof ReportSummarySchema>;
