import { z } from 'zod';
import { ExpectationResultSchema } from './expectation.js';

/**
 * The event stream: what the executor emits and what the signed log, the TUI
 * and every reporter consume. Every stored or displayed string in an event has
 * had secrets replaced by `[REDACTED]` before the event was made.
 *
 * `ts` is RFC 3339 UTC. The journal adds `seq` and `prev` when it writes a line.
 */
const base = { ts: z.string() };

/** Where a SQL cell runs. `embedded` is PGlite; the URL never carries a password. */
export const TargetInfoSchema = z.object({
  name: z.string(),
  kind: z.enum(['postgres', 'embedded']),
  /** Redacted URL, or the embedded data directory. */
  description: z.string(),
  /** Where the target came from: `connection`, `--db`, `DATABASE_URL`, `PG*`, `embedded`, `sandbox`. */
  source: z.string(),
  serverVersion: z.string().nullable(),
});
export type TargetInfo = z.infer<typeof TargetInfoSchema>;

/**
 * The per-cell timeout of the cells that set none (a cell's `timeout` attribute wins),
 * and what set it: the front matter's `timeout`, `--timeout`, the default of an
 * unattended run (30 minutes), or nothing (`none`: the terminal UI, where the
 * operator has Ctrl-C, or a `timeout` of 0).
 */
export const RunTimeoutSchema = z.object({
  ms: z.number().nullable(),
  source: z.enum(['front-matter', '--timeout', 'default', 'none']),
});
export type RunTimeout = z.infer<typeof RunTimeoutSchema>;

export const RunStartEventSchema = z.object({
  ...base,
  type: z.literal('run.start'),
  runId: z.string(),
  runbook: z.object({ path: z.string().nullable(), sha256: z.string(), title: z.string() }),
  /** Options as given, secrets redacted. */
  options: z.record(z.string(), z.unknown()),
  /** Resolved inputs: secret ones as `[REDACTED]`. */
  inputs: z.record(z.string(), z.string()),
  /** Where each input came from: `--set`, `--env-file`, `environment`, `default`, `prompt`, `answers`. */
  inputSources: z.record(z.string(), z.string()),
  host: z.string(),
  user: z.string(),
  toolVersion: z.string(),
  mode: z.enum(['ci', 'interactive']),
  /** Cell ids in the order the plan runs them. */
  plan: z.array(z.string()),
  /** The effective per-cell timeout (absent in logs of litops before it was recorded). */
  timeout: RunTimeoutSchema.optional(),
  /**
   * `litops replay`: the recorded run this one re-executes. `sha256OfEvents` is the
   * hex sha256 of that run's events.jsonl bytes as replay read them. Absent otherwise.
   */
  replayOf: z.object({ runId: z.string(), runDir: z.string(), sha256OfEvents: z.string() }).optional(),
});

export const TargetOpenEventSchema = z.object({ ...base, type: z.literal('target.open'), target: TargetInfoSchema });

export const StepStartEventSchema = z.object({ ...base, type: z.literal('step.start'), step: z.string(), title: z.string(), procedure: z.string() });

export const CellStartEventSchema = z.object({
  ...base,
  type: z.literal('cell.start'),
  /** Attempt number, unique in the run (the `n` of `out/<n>.stdout`). */
  attempt: z.number().int().min(1),
  /** This cell's own attempt number: 1 on its first run, 2 on its first retry (absent in logs written before it was recorded). */
  cellAttempt: z.number().int().min(1).optional(),
  cell: z.string(),
  step: z.string(),
  lang: z.enum(['shell', 'sql']),
  /** Target name for SQL cells, `shell` for shell cells. */
  target: z.string(),
  /** The source actually run (secrets redacted) and the sha256 of its exact text. */
  source: z.string(),
  sha256: z.string(),
  /** The sha256 of the runbook's source when the operator edited the cell, else null. */
  originalSha256: z.string().nullable(),
  cwd: z.string().nullable(),
});

export const CellOutputEventSchema = z.object({
  ...base,
  type: z.literal('cell.output'),
  attempt: z.number().int().min(1),
  cell: z.string(),
  stream: z.enum(['stdout', 'stderr']),
  /** A redacted chunk of text as it arrived (never split inside a UTF-8 character). */
  data: z.string(),
});

/** One SQL statement's result, bounded: at most `maxRows` rows kept, `rowCount` is the true count. */
export const SqlStatementResultSchema = z.object({
  index: z.number().int().min(0),
  text: z.string(),
  line: z.number().int().min(1),
  command: z.string().nullable(),
  rowCount: z.number().int().nullable(),
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  rows: z.array(z.array(z.unknown())),
  truncated: z.boolean(),
  notices: z.array(z.object({ severity: z.string(), message: z.string() })),
  durationMs: z.number(),
  error: z
    .object({ message: z.string(), code: z.string().nullable(), position: z.number().nullable(), line: z.number().nullable(), detail: z.string().nullable(), hint: z.string().nullable() })
    .nullable(),
});
export type SqlStatementResult = z.infer<typeof SqlStatementResultSchema>;

export const SqlStatementEventSchema = z.object({ ...base, type: z.literal('sql.statement'), attempt: z.number().int().min(1), cell: z.string(), result: SqlStatementResultSchema });

/** How a blocking cell was ended on purpose (see `cell.end` `stopped`). */
export const CellStopSchema = z.object({
  by: z.enum(['timeout', 'operator']),
  /** E.g. "blocking (tail -f follows the file until it is stopped): ended by its 1s timeout, which bounds it; counted as done". */
  note: z.string(),
});
export type CellStop = z.infer<typeof CellStopSchema>;

/** How a cell attempt ended. `error`: the tool could not run it (target unreachable, missing input). */
export const CellStatusSchema = z.enum(['passed', 'failed', 'timed-out', 'cancelled', 'error']);
export type CellStatus = z.infer<typeof CellStatusSchema>;

export const CellEndEventSchema = z.object({
  ...base,
  type: z.literal('cell.end'),
  attempt: z.number().int().min(1),
  cell: z.string(),
  status: CellStatusSchema,
  exitCode: z.number().int().nullable(),
  signal: z.string().nullable(),
  durationMs: z.number(),
  expectations: z.array(ExpectationResultSchema.extend({ source: z.string() })),
  /** A one-line reason when the cell failed for a reason other than its exit code or expectations. */
  error: z.string().nullable(),
  /** Its timeout ended it, whatever its status (absent in logs of litops before it was recorded). */
  timedOut: z.boolean().optional(),
  /**
   * A blocking cell (`tail -f`, `watch`...) ended on purpose: by the `timeout` that
   * bounds it, or by the operator's Ctrl-C in the terminal UI. That is how such a
   * cell is meant to end, so it counts as done: `status` is `passed` unless an
   * expectation of its own failed. `note` says so in a sentence. Null (or absent) otherwise.
   */
  stopped: CellStopSchema.nullable().optional(),
  /** `capture=NAME`: the captured value (`[REDACTED]` when secret). */
  capture: z.object({ name: z.string(), value: z.string() }).nullable(),
  /** Bytes of redacted output written per stream, and their sha256. */
  stdout: z.object({ bytes: z.number().int(), sha256: z.string() }),
  stderr: z.object({ bytes: z.number().int(), sha256: z.string() }),
  /** The tail of the redacted output, for failure messages (bounded). */
  tail: z.string(),
  /**
   * Shell cells: the session after the cell (working directory, variables cells
   * set), so `resume` can restore it. Secret-named variables and values holding a
   * secret are left out; a resumed run asks for secrets again.
   */
  session: z.object({ cwd: z.string(), variables: z.record(z.string(), z.string()), exported: z.array(z.string()) }).nullable(),
});

export const StepEndEventSchema = z.object({ ...base, type: z.literal('step.end'), step: z.string(), status: z.enum(['passed', 'failed', 'skipped']) });

/** Something a person, an answers file, or the run's policy decided. */
export const DecisionEventSchema = z.object({
  ...base,
  type: z.literal('decision'),
  action: z.enum(['run', 'skip', 'edit', 'retry', 'abort', 'confirm', 'refuse']),
  cell: z.string().nullable(),
  step: z.string().nullable(),
  reason: z.string().nullable(),
  /** `operator`, `answers`, `policy` (e.g. `skip` attribute, a selection), or `cli` (`--allow-destructive`). */
  by: z.enum(['operator', 'answers', 'policy', 'cli']),
  /** For `edit`: the new source (redacted) and its diff is derived by readers. */
  source: z.string().nullable(),
});

export const CriterionEventSchema = z.object({
  ...base,
  type: z.literal('criterion'),
  criterion: z.string(),
  result: z.enum(['pass', 'fail', 'n/a', 'unanswered']),
  by: z.enum(['check', 'operator', 'answers']),
  evidence: z.string().nullable(),
  note: z.string().nullable(),
  /**
   * Set when the operator overrides what a bound check evaluated: the check's
   * result and evidence (the operator's reason is `note`). Absent otherwise.
   */
  overrides: z.object({ result: z.enum(['pass', 'fail']), evidence: z.string().nullable() }).optional(),
});

export const RunNoticeEventSchema = z.object({ ...base, type: z.literal('run.notice'), level: z.enum(['info', 'warning', 'error']), message: z.string() });

export const RunEndEventSchema = z.object({
  ...base,
  type: z.literal('run.end'),
  status: z.enum(['passed', 'failed', 'needs-person', 'interrupted']),
  exitCode: z.number().int(),
  durationMs: z.number(),
  counts: z.object({ passed: z.number().int(), failed: z.number().int(), skipped: z.number().int(), notRun: z.number().int() }),
  /** One line saying why the run ended as it did. */
  reason: z.string(),
});

export const RunEventSchema = z.discriminatedUnion('type', [
  RunStartEventSchema,
  TargetOpenEventSchema,
  StepStartEventSchema,
  CellStartEventSchema,
  CellOutputEventSchema,
  SqlStatementEventSchema,
  CellEndEventSchema,
  StepEndEventSchema,
  DecisionEventSchema,
  CriterionEventSchema,
  RunNoticeEventSchema,
  RunEndEventSchema,
]);
export type RunEvent = z.infer<typeof RunEventSchema>;
export type RunEventType = RunEvent['type'];
/** The event of one type: `EventOf<'cell.end'>`. */
export type EventOf<T extends RunEventType> = Extract<RunEvent, { type: T }>;

/** Where events go. It may return a promise (the journal fsyncs at cell boundaries); the executor awaits it. */
export type EventSink = (event: RunEvent) => void | Promise<void>;
