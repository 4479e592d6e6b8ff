import { z } from 'zod';

/** A person's verdict on a criterion or check. */
export const AnswerResultSchema = z.enum(['pass', 'fail', 'n/a']);

/** `pass` or `{result: pass, note: "..."}`. */
const VerdictSchema = z.union([
  AnswerResultSchema.transform((result) => ({ result, note: null as string | null })),
  z.object({ result: AnswerResultSchema, note: z.string().optional() }).strict().transform((value) => ({ result: value.result, note: value.note ?? null })),
]);

/** `done`/`skip` for a manual or task-list step, with an optional note. */
const StepAnswerSchema = z.union([
  z.enum(['done', 'skip', 'pass', 'fail', 'n/a']).transform((result) => ({ result, note: null as string | null })),
  z.object({ result: z.enum(['done', 'skip', 'pass', 'fail', 'n/a']), note: z.string().optional() }).strict().transform((value) => ({ result: value.result, note: value.note ?? null })),
]);

/**
 * `--answers FILE`: what a person would answer, for unattended runs. Keys are
 * ids as `litops inspect` prints them; an unknown id is an error naming it.
 *
 * ```yaml
 * criteria:
 *   daily-check/only-the-expected-ports-are-listening: pass
 *   daily-check/no-new-errors: { result: n/a, note: log rotated last night }
 * steps:
 *   restore-drill/record-the-result: done
 * prerequisites:
 *   daily-check/pre/ssh-access: pass
 * confirm: [drop-scratch-database]      # destructive cells a person confirms
 * ```
 */
export const AnswersSchema = z
  .object({
    criteria: z.record(z.string(), VerdictSchema).default({}),
    steps: z.record(z.string(), StepAnswerSchema).default({}),
    prerequisites: z.record(z.string(), VerdictSchema).default({}),
    confirm: z.array(z.string()).default([]),
  })
  .strict();
export type Answers = z.infer<typeof AnswersSchema>;
