import { z } from 'zod';

/**
 * What an expectation looks at. `exit`: the exit code; `stdout`, `stderr`;
 * `output`: both streams; `value`: for shell the last number printed, for SQL
 * the first column of the first row; `rows`: SQL row count; `duration`: wall time.
 */
export const ExpectationSubjectSchema = z.enum(['exit', 'stdout', 'stderr', 'output', 'value', 'rows', 'duration']);
export type ExpectationSubject = z.infer<typeof ExpectationSubjectSchema>;

/** Comparison operators. `matches` searches (it is not anchored), like grep. */
export const ExpectationOperatorSchema = z.enum([
  '==',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  'contains',
  'not contains',
  'matches',
  'not matches',
]);
export type ExpectationOperator = z.infer<typeof ExpectationOperatorSchema>;

/**
 * The right-hand side. Durations are milliseconds; a plain number compared with
 * `duration` is read as seconds and stored as a duration. `regex` flags are a
 * subset of `imsu`. A percentage (`80%`) is stored as the number 80.
 */
export const ExpectationLiteralSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('number'), value: z.number() }),
  z.object({ kind: z.literal('string'), value: z.string() }),
  z.object({ kind: z.literal('regex'), pattern: z.string(), flags: z.string().regex(/^[imsu]*$/) }),
  z.object({ kind: z.literal('duration'), ms: z.number().min(0) }),
]);
export type ExpectationLiteral = z.infer<typeof ExpectationLiteralSchema>;

/**
 * A parsed expectation such as `stdout contains "ok"` (an `expect` attribute) or
 * `api-latency value < 0.5` (a criterion's `check`, which may name a cell).
 */
export const ExpectationSchema = z.object({
  /** The text as written, trimmed. */
  source: z.string(),
  /** The cell the expectation looks at (only in criteria checks); absent: the cell it is attached to. */
  cell: z.string().optional(),
  subject: ExpectationSubjectSchema,
  op: ExpectationOperatorSchema,
  value: ExpectationLiteralSchema,
});
export type Expectation = z.infer<typeof ExpectationSchema>;

/**
 * What a finished cell produced, as far as expectations can see it. Absent
 * fields are "not available" (e.g. `rows` of a shell cell) and fail any
 * expectation on them.
 */
export interface ExpectationActual {
  exitCode?: number | null;
  stdout?: string;
  stderr?: string;
  /** Interleaved output when the executor has it; default: stdout and stderr joined by a newline. */
  output?: string;
  /** Shell: `extractLastNumber(stdout)`; SQL: the first column of the first row. */
  value?: string | number | null;
  rows?: number;
  durationMs?: number;
}

/** The outcome of one expectation, as stored in `cell.end` events and shown in reports. */
export const ExpectationResultSchema = z.object({
  passed: z.boolean(),
  /** The expectation in canonical form, e.g. `exit == 0`, `duration < 2s`. */
  expected: z.string(),
  /** What was observed, e.g. `1`, `"connection refused"`, `3.2s`, `not available`. */
  actual: z.string(),
});
export type ExpectationResult = z.infer<typeof ExpectationResultSchema>;
