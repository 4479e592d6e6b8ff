import { z } from 'zod';
import { DurationSchema, describeValue } from './duration.js';

const TRUE_WORDS = new Set(['true', 'yes']);
const FALSE_WORDS = new Set(['false', 'no']);

/** A boolean as users and Runme write it: `true`, `"true"`, `"yes"`, `false`, `"false"`, `"no"` (any case). Raw input only. */
export const BooleanishSchema = z.unknown().transform((value, ctx): boolean => {
  if (typeof value === 'boolean') return value;
  const word = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  ctx.addIssue({ code: 'custom', message: `expected true or false (or yes/no), got ${describeValue(value)}` });
  return z.NEVER;
});

/** A list of names: a list of strings or one string, each split at commas (`"db, api"`). Empty entries are dropped. Raw input only. */
export const NameListSchema = z.unknown().transform((value, ctx): string[] => {
  const items = typeof value === 'string' ? [value] : value;
  if (Array.isArray(items) && items.every((item) => typeof item === 'string')) {
    return items.flatMap((item) => item.split(',')).map((item) => item.trim()).filter((item) => item !== '');
  }
  ctx.addIssue({ code: 'custom', message: `expected a list of names or a comma-separated string, got ${describeValue(value)}` });
  return z.NEVER;
});

/** A shell variable name: `[A-Za-z_][A-Za-z0-9_]*`. */
export const VariableNameSchema = z.string({ error: (issue) => variableNameMessage(issue.input) }).regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
  error: (issue) => variableNameMessage(issue.input),
});

function variableNameMessage(input: unknown): string {
  return `expected a variable name ([A-Za-z_][A-Za-z0-9_]*), got ${describeValue(input)}`;
}

/** A non-empty text, trimmed; numbers and booleans are written out (`name: 3` is `"3"`). Raw input only. */
export const TextSchema = z.unknown().transform((value, ctx): string => {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  ctx.addIssue({ code: 'custom', message: `expected a non-empty text, got ${describeValue(value)}` });
  return z.NEVER;
});

const TextListSchema = z.unknown().transform((value, ctx): string[] => {
  const items = Array.isArray(value) ? value : [value];
  if (items.every((item) => typeof item === 'string')) return items.map((item: string) => item.trim());
  ctx.addIssue({ code: 'custom', message: `expected a text or a list of texts, got ${describeValue(value)}` });
  return z.NEVER;
});

/**
 * A cell's attributes, normalised: what the fence meta (Runme syntax) and the
 * `<!-- litops: ... -->` comment before the fence say. Every key is optional;
 * absent means "the default" (not skipped, not interactive, no timeout...).
 * This is the re-parseable form used in `litops inspect --json`.
 */
export const AttributesSchema = z.object({
  /** The cell's name: its id for `--only`, `needs`, checks and confirmations. */
  name: z.string().optional(),
  /** Not run by "run all" (Runme: `excludeFromRunAll`); `--only` still runs it. */
  skip: z.boolean().optional(),
  /** stdin stays open for the operator; never run in CI. Default false. */
  interactive: z.boolean().optional(),
  /** Per-cell timeout in milliseconds (written `30s`, `5m`, or a number of seconds). */
  timeout: z.number().min(0).optional(),
  cwd: z.string().optional(),
  /** SQL target: a name from the front matter's `connections`. */
  connection: z.string().optional(),
  /** SQL runs in a read-only transaction. */
  readonly: z.boolean().optional(),
  /** true marks the cell destructive; false clears a mark found in its syntax. */
  destructive: z.boolean().optional(),
  /** Expectation texts as written (`exit == 0`); parsed ones are in the cell's `expectations`. */
  expect: z.array(z.string()).optional(),
  /** Variable that receives the cell's trimmed stdout (SQL: first value). */
  capture: z.string().optional(),
  /** Cell or step ids this cell waits for. */
  needs: z.array(z.string()).optional(),
  /** Tags for `--tag`. */
  tag: z.array(z.string()).optional(),
  /** A criterion's check, e.g. `api-latency value < 0.5` (litops comments on list items). */
  check: z.string().optional(),
  /** Language override, e.g. `sql` on a block labelled `text`. */
  lang: z.string().optional(),
  /** false: the cell's `<words>` are literal text (HTML, output), not placeholders to ask for. Default true. */
  placeholders: z.boolean().optional(),
  /** Runme's own keys (`background`, `id`, `excludeFromRunAll`...), kept as written. */
  runme: z.record(z.string(), z.unknown()).optional(),
  /** Keys nobody knows, kept as written (each also gave an `unknown-attribute` warning). */
  unknown: z.record(z.string(), z.unknown()).optional(),
});
export type Attributes = z.infer<typeof AttributesSchema>;

/** Raw value (from JSON or `key=value` meta) to normalised value, per known attribute. Raw input only. */
export const AttributesInputSchema = z.object({
  name: TextSchema.optional(),
  skip: BooleanishSchema.optional(),
  interactive: BooleanishSchema.optional(),
  timeout: DurationSchema.optional(),
  cwd: TextSchema.optional(),
  connection: TextSchema.optional(),
  readonly: BooleanishSchema.optional(),
  destructive: BooleanishSchema.optional(),
  expect: TextListSchema.optional(),
  capture: VariableNameSchema.optional(),
  needs: NameListSchema.optional(),
  tag: NameListSchema.optional(),
  check: TextSchema.optional(),
  lang: TextSchema.optional(),
  placeholders: BooleanishSchema.optional(),
});

/** Attribute names litops knows. */
export const KNOWN_ATTRIBUTES: readonly string[] = Object.keys(AttributesInputSchema.shape);

/** Runme's cell keys, accepted silently and kept under `runme` (also any `runme.dev/...` key). */
export const RUNME_ATTRIBUTES: readonly string[] = [
  'background',
  'category',
  'closeTerminalOnSuccess',
  'excludeFromRunAll',
  'id',
  'interpreter',
  'mimeType',
  'promptEnv',
  'terminalRows',
];
