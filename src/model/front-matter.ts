import { z } from 'zod';
import { BooleanishSchema, NameListSchema, TextSchema, VariableNameSchema } from './attributes.js';
import { DurationSchema, describeValue } from './duration.js';

/** One declared input. A bare value in the front matter (`PORT: 5432`) is its default. */
export const VariableSpecSchema = z.object({
  description: z.string().optional(),
  default: z.string().optional(),
  /** Masked on screen and redacted in logs. Names like `*PASSWORD*` are secret anyway. */
  secret: z.boolean().optional(),
  /** Absent: required when there is no default. */
  required: z.boolean().optional(),
});
export type VariableSpec = z.infer<typeof VariableSpecSchema>;

/** A SQL target. `url` is a libpq URL or conninfo, or `env:VAR` to read it from a variable at run time. */
export const ConnectionSchema = z.object({ url: z.string() });
export type Connection = z.infer<typeof ConnectionSchema>;

/**
 * The runbook's front matter (YAML `---` or TOML `+++`), normalised. This is the
 * re-parseable form used in `litops inspect --json`; `FrontMatterSchema.parse({})`
 * is the front matter of a runbook that has none.
 */
export const FrontMatterSchema = z.object({
  title: z.string().optional(),
  owner: z.string().optional(),
  /** Default []. Written as a list or a comma-separated string. */
  tags: z.array(z.string()).default([]),
  /** The shell cells run in (Runme's key too). Absent: bash. */
  shell: z.string().optional(),
  /** Run shell cells with `set -e` (and `pipefail`). Default true; `errexit: false` turns it off. */
  errexit: z.boolean().default(true),
  /** Working directory of the first cell, relative to the runbook (Runme's key too). */
  cwd: z.string().optional(),
  /** Default per-cell timeout in milliseconds (written `30s`, `5m`, or a number of seconds). */
  timeout: z.number().min(0).optional(),
  /** Every SQL cell runs in a read-only transaction. Default false. */
  readonly: z.boolean().default(false),
  /** Environment for every cell. Default {}. */
  env: z.record(z.string(), z.string()).default({}),
  /** Declared inputs by name. Default {}. */
  variables: z.record(z.string(), VariableSpecSchema).default({}),
  /** Named SQL targets for the `connection` attribute. Default {}. */
  connections: z.record(z.string(), ConnectionSchema).default({}),
  /** Commands that must be on PATH. Default []. */
  requires: z.array(z.string()).default([]),
  /** Runme's own keys (`runme`, `skipPrompts`, `terminalRows`, `category`), kept as written. */
  runme: z.record(z.string(), z.unknown()).optional(),
  /** Keys nobody knows, kept as written (each also gave an `unknown-front-matter-key` warning). */
  unknown: z.record(z.string(), z.unknown()).optional(),
});
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

const ScalarTextSchema = z.unknown().transform((value, ctx): string => {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  ctx.addIssue({ code: 'custom', message: `expected a text, number or boolean, got ${describeValue(value)}` });
  return z.NEVER;
});

const ConnectionUrlSchema = TextSchema.refine((url) => !url.startsWith('env:') || /^env:[A-Za-z_][A-Za-z0-9_]*$/.test(url), {
  error: 'expected env:NAME with a variable name after env:',
});

const tableOf = <Value extends z.ZodType>(key: z.ZodType<string, string>, value: Value, what: string) =>
  z.preprocess(
    (input) => (input === null ? undefined : input),
    z.record(key, value, { error: (issue) => `expected a table of ${what}, got ${describeValue(issue.input)}` }).default({}),
  );

const bareToObject = (field: string) => (input: unknown) =>
  input === null ? {} : typeof input === 'object' ? input : { [field]: input };

/** Raw front matter to normalised, per known key. Raw input only (it reads `timeout: 30` as seconds). */
export const FrontMatterInputSchema = z.object({
  title: TextSchema.optional(),
  owner: TextSchema.optional(),
  tags: NameListSchema.default([]),
  shell: TextSchema.optional(),
  errexit: BooleanishSchema.default(true),
  cwd: TextSchema.optional(),
  timeout: DurationSchema.optional(),
  readonly: BooleanishSchema.default(false),
  env: tableOf(VariableNameSchema, ScalarTextSchema, 'NAME: value'),
  variables: tableOf(
    VariableNameSchema,
    z.preprocess(
      bareToObject('default'),
      z.strictObject({
        description: TextSchema.optional(),
        default: ScalarTextSchema.optional(),
        secret: BooleanishSchema.optional(),
        required: BooleanishSchema.optional(),
      }),
    ),
    'NAME: {description, default, secret, required}',
  ),
  connections: tableOf(
    z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, { error: (issue) => `expected a connection name ([A-Za-z_][A-Za-z0-9_.-]*), got ${describeValue(issue.input)}` }),
    z.preprocess(bareToObject('url'), z.strictObject({ url: ConnectionUrlSchema })),
    'name: {url}',
  ),
  requires: NameListSchema.default([]),
});

/** Front-matter keys litops knows. */
export const KNOWN_FRONT_MATTER_KEYS: readonly string[] = Object.keys(FrontMatterInputSchema.shape);

/** Runme's front-matter keys, accepted silently and kept under `runme` (`shell` and `cwd` are litops keys too). */
export const RUNME_FRONT_MATTER_KEYS: readonly string[] = ['runme', 'skipPrompts', 'terminalRows', 'category'];
