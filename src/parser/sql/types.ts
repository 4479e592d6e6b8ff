import type { DestructiveReason, LocatedError } from '../../model/safety.js';

/** How a psql variable is interpolated: `:name` raw, `:'name'` as a literal, `:"name"` as an identifier. */
export type PsqlQuoting = 'none' | 'literal' | 'identifier';

/** A psql variable reference (`:name`, `:'name'`, `:"name"`) outside strings, comments and dollar quotes. */
export interface PsqlVariable {
  name: string;
  quoting: PsqlQuoting;
  /** 1-based line and column (UTF-16 units) of the colon, relative to the analysed text. */
  line: number;
  column: number;
}

/** A psql backslash meta-command (`\x`, `\timing on`, `\gset`): not SQL, never sent to the server. */
export interface PsqlMetaCommand {
  /** From the backslash to the end of its line, trimmed, e.g. `\timing on`. */
  text: string;
  /** The command word without the backslash, e.g. `timing`, `gset`, `c`, `!`. */
  command: string;
  /** The rest of the line split at whitespace, e.g. `['on']` (no psql quoting rules). */
  args: string[];
  line: number;
  column: number;
}

/**
 * One SQL statement, as split by the real PostgreSQL parser (so semicolons in
 * strings, comments, dollar quotes and function bodies do not split).
 */
export interface SqlStatement {
  /**
   * The original text with psql variables intact, without the terminating
   * semicolon and without surrounding whitespace or comments. Ready to be sent
   * on its own once its variables are bound (see `bindPsqlVariables`).
   */
  text: string;
  /** Parse node name (`SelectStmt`, `VacuumStmt`, ...); `null` when the parser rejected it (see `SqlAnalysis.error`). */
  kind: string | null;
  /** `source.slice(start, end) === text` (UTF-16 indices into the analysed text). */
  start: number;
  end: number;
  /** 1-based line and column of `start`. */
  line: number;
  column: number;
  /** True when the statement only reads (see `SqlAnalysis.readonly`). */
  readonly: boolean;
}

/** Everything `analyzeSql` learns about a SQL cell. Never thrown: problems are in `error`. */
export interface SqlAnalysis {
  statements: SqlStatement[];
  variables: PsqlVariable[];
  metaCommands: PsqlMetaCommand[];
  /** Why the cell is destructive, one entry per rule and statement, at the statement's position. */
  destructive: DestructiveReason[];
  /**
   * True when every statement is read-only: SELECT without INTO, locking clauses,
   * data-modifying CTEs or known side-effect functions; SHOW; EXPLAIN without
   * ANALYZE (or of a read-only query). False when the text does not parse.
   * Meta-commands are not run and do not count.
   */
  readonly: boolean;
  /** The parser's first complaint (server wording), at the cursor position. */
  error?: LocatedError;
}

/** Result of `bindPsqlVariables`. */
export interface BoundSql {
  sql: string;
  /** Names referenced but without a value, in order of first use; their references are left as written. */
  missing: string[];
}
