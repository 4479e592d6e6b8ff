import { z } from 'zod';
import { DiagnosticSchema } from './diagnostic.js';
import { DestructiveReasonSchema } from './safety.js';
import { AttributesSchema } from './attributes.js';
import { ExpectationSchema } from './expectation.js';
import { FrontMatterSchema } from './front-matter.js';

/**
 * The step graph: what `litops inspect --json` prints. A public interface:
 * change it only on purpose, and bump `schemaVersion` when a change breaks readers.
 */
export const RUNBOOK_SCHEMA_VERSION = 1;

/** Executable languages after normalisation; anything else is a reference cell's language. */
export const ExecutableLangSchema = z.enum(['shell', 'sql']);
export type ExecutableLang = z.infer<typeof ExecutableLangSchema>;

/**
 * What a fenced block is, read as its author meant it, whatever its label says:
 * `command` (shell or SQL to run), `transcript` (a session of an interactive client,
 * `db=# ` or `mysql> `: its statements are the commands), `output` (what a command
 * printed; nothing to run), `configuration` (a file's content: YAML, nginx, INI,
 * `key = value`), `reference` (other code: another language, SQL of another dialect).
 */
export const BlockClassSchema = z.enum(['command', 'transcript', 'output', 'configuration', 'reference']);
export type BlockClass = z.infer<typeof BlockClassSchema>;

/** A `<placeholder>` word of a command, which the cell reads as the input `name`. */
export const PlaceholderSchema = z.object({
  /** The input it becomes: `<pod-name>` → `POD_NAME`. */
  name: z.string(),
  /** As written, brackets included: `<pod-name>`. */
  text: z.string(),
  /** 1-based file position of the first occurrence. */
  line: z.number().int().min(1),
  column: z.number().int().min(1),
});
export type Placeholder = z.infer<typeof PlaceholderSchema>;

/** A fenced code block, or one numbered part of a split shell block. */
export const CellSchema = z.object({
  /** Stable id: the `name` attribute, else `<step id>/<n>` (`<step id>/<n>.<k>` for parts). */
  id: z.string(),
  /** Id of the step that holds the cell. */
  step: z.string(),
  /** `shell`, `sql`, or the block's other language lowercased (`yaml`, `go`, `text` when none). */
  lang: z.string(),
  /** The info string's first word as written (`ShellSession`, `psql`), or null for none. */
  info: z.string().nullable(),
  /** True for shell and SQL blocks; reference cells and guesses are never run unattended. */
  executable: z.boolean(),
  /** For unlabeled blocks that look like code: what they look like. The operator may run one; CI never does. */
  guess: ExecutableLangSchema.nullable(),
  /** What the block is (see {@link BlockClassSchema}); only `command` and psql `transcript` blocks run. */
  block: BlockClassSchema,
  /** For SQL of another dialect (`mysql`, `clickhouse`) or a non-psql transcript: which one; else null. */
  dialect: z.string().nullable(),
  /** `<placeholder>` words in the commands, in order of first appearance; each is an input. */
  placeholders: z.array(PlaceholderSchema),
  /** What runs: for console blocks, only the commands after `$ ` prompts. */
  source: z.string(),
  /** 1-based line of the opening fence (shared by every part of a split block). */
  line: z.number().int().min(1),
  /** 1-based file line where `source` starts. */
  sourceLine: z.number().int().min(1),
  /** 1-based file line of the closing fence, or of the last line when the fence is unclosed. */
  endLine: z.number().int().min(1),
  /** For split shell blocks: which numbered part this is. */
  part: z.object({ index: z.number().int().min(1), count: z.number().int().min(2), title: z.string(), group: z.string() }).nullable(),
  /** Console blocks: the lines that are not commands (expected output), else null. */
  expectedOutput: z.string().nullable(),
  attributes: AttributesSchema,
  /** Parsed `expect` attributes (the implicit `exit == 0` of shell cells is not listed). */
  expectations: z.array(ExpectationSchema),
  destructive: z.boolean(),
  reasons: z.array(DestructiveReasonSchema),
  /**
   * The cell runs a command that never ends by itself or waits for a person
   * (`tail -f`, `watch`, `read -p`, `psql` with no `-c`): the terminal UI hands it
   * the terminal; an unattended run refuses it unless a `timeout` bounds it.
   */
  blocking: z.boolean(),
  blockingReasons: z.array(DestructiveReasonSchema),
  /** Variables the cell reads that nothing before it set, and variables it sets. */
  reads: z.array(z.string()),
  sets: z.array(z.string()),
});
export type Cell = z.infer<typeof CellSchema>;

/** `cells`: runs cells; `manual`: a numbered item without cells, confirmed by a person; `check`: a GFM task-list item. */
export const StepKindSchema = z.enum(['cells', 'manual', 'check']);
/** `procedure`: on the normal path; `rollback`: cells under a Rollback/If-it-fails heading, run only on request. */
export const StepRoleSchema = z.enum(['procedure', 'rollback']);

export const StepSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** Id of the procedure that holds the step. */
  procedure: z.string(),
  /** 1-based line of the list item or heading. */
  line: z.number().int().min(1),
  kind: StepKindSchema,
  role: StepRoleSchema,
  /** Cell ids in document order. */
  cells: z.array(z.string()),
  /** Step ids that must finish first: document order within the procedure plus `needs`. */
  needs: z.array(z.string()),
  /** The step's prose (its Markdown without the code blocks), for display. */
  prose: z.string(),
  tags: z.array(z.string()),
});
export type Step = z.infer<typeof StepSchema>;

/** A criterion: manual unless bound to a check (`<!-- litops: {"check":"cell value < 0.5"} -->`). */
export const CriterionSchema = z.object({
  id: z.string(),
  /** The enclosing procedure, or null for criteria of the whole runbook. */
  procedure: z.string().nullable(),
  text: z.string(),
  line: z.number().int().min(1),
  /** The bound check as written, and parsed; null for a manual criterion. */
  check: z.string().nullable(),
  expectation: ExpectationSchema.nullable(),
  /** Task-list state when written as `- [x]`, else null. */
  checked: z.boolean().nullable(),
});
export type Criterion = z.infer<typeof CriterionSchema>;

/** A preflight checklist entry (a list item under "Prerequisites"). */
export const PrerequisiteSchema = z.object({
  id: z.string(),
  procedure: z.string().nullable(),
  text: z.string(),
  line: z.number().int().min(1),
});
export type Prerequisite = z.infer<typeof PrerequisiteSchema>;

/** Guidance shown when a step fails: escalation contacts, rollback notes. */
export const GuidanceSchema = z.object({
  id: z.string(),
  procedure: z.string().nullable(),
  kind: z.enum(['escalation', 'rollback']),
  title: z.string(),
  items: z.array(z.string()),
  line: z.number().int().min(1),
});
export type Guidance = z.infer<typeof GuidanceSchema>;

/** A heading, with its `**Key**: value` metadata lines. */
export const SectionSchema = z.object({
  id: z.string(),
  title: z.string(),
  depth: z.number().int().min(1).max(6),
  line: z.number().int().min(1),
  parent: z.string().nullable(),
  metadata: z.record(z.string(), z.string()),
});
export type Section = z.infer<typeof SectionSchema>;

/** A heading section that holds steps. */
export const ProcedureSchema = z.object({
  id: z.string(),
  title: z.string(),
  line: z.number().int().min(1),
  /** The section that defines it (null for steps outside any heading). */
  section: z.string().nullable(),
  metadata: z.record(z.string(), z.string()),
  steps: z.array(z.string()),
  destructive: z.boolean(),
});
export type Procedure = z.infer<typeof ProcedureSchema>;

/**
 * A variable the runbook uses. `input`: something must provide it (front matter,
 * `--set`, environment); `set`: a cell or a capture sets it before it is read.
 */
export const VariableSchema = z.object({
  name: z.string(),
  role: z.enum(['input', 'set']),
  /** Where it was found: declared in front matter, read by a shell cell, a psql variable in SQL, or a `<placeholder>`. */
  sources: z.array(z.enum(['front-matter', 'shell', 'sql', 'capture', 'env', 'placeholder'])),
  description: z.string().nullable(),
  default: z.string().nullable(),
  secret: z.boolean(),
  /** An input with no default that some cell reads without a fallback (`${X:-d}` is a fallback). */
  required: z.boolean(),
  readBy: z.array(z.string()),
  setBy: z.array(z.string()),
  /** 1-based line of the first mention. */
  line: z.number().int().min(1),
});
export type Variable = z.infer<typeof VariableSchema>;

export const RunbookSchema = z.object({
  schemaVersion: z.literal(RUNBOOK_SCHEMA_VERSION),
  title: z.string(),
  /** The path given to the parser, if any (as given, not resolved). */
  path: z.string().nullable(),
  /** Hex sha256 of the file's exact bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  frontMatter: FrontMatterSchema,
  sections: z.array(SectionSchema),
  procedures: z.array(ProcedureSchema),
  steps: z.array(StepSchema),
  cells: z.array(CellSchema),
  criteria: z.array(CriterionSchema),
  prerequisites: z.array(PrerequisiteSchema),
  guidance: z.array(GuidanceSchema),
  variables: z.array(VariableSchema),
  diagnostics: z.array(DiagnosticSchema),
});
export type Runbook = z.infer<typeof RunbookSchema>;
