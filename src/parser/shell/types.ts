import type { DestructiveReason, LocatedError } from '../../model/safety.js';

/**
 * Where a variable use happens, which decides whether a set persists into later cells:
 * - `cell`: top level of the cell; persists.
 * - `function`: inside a function body; persists only once the function is called.
 * - `subshell`: inside `( )`, `$( )`, `<( )`, a pipeline member or a `&` job; never persists.
 * - `command`: a prefix assignment (`X=1 cmd`); applies to that one command only.
 */
export type VariableScope = 'cell' | 'function' | 'subshell' | 'command';

/** One read or set of a shell variable. `line`/`column` are 1-based, relative to the cell source. */
export interface VariableUse {
  name: string;
  line: number;
  column: number;
  /**
   * Reads: the expansion supplies a fallback or tests presence (`${X:-d}`, `${X-d}`,
   * `${X:=d}`, `${X:+alt}`, `[[ -v X ]]`), so an unset variable is not an error.
   * Sets: the set is conditional (`${X:=d}` assigns only when X is unset or empty).
   */
  hasDefault: boolean;
  scope: VariableScope;
}

/** One simple command the cell runs, after unwrapping `sudo`, `env`, `timeout`, `xargs`... */
export interface CommandUse {
  /** Command name as written; a path keeps its directories (`./scripts/x.sh`). */
  name: string;
  /** Arguments after the name: literal text where static, `null` where they expand at run time. */
  args: (string | null)[];
  /** Wrappers peeled off, outermost first, e.g. `['sudo', 'timeout']`. */
  wrappers: string[];
  /** Its standard input comes from a redirect, a here-document or a pipe (it does not read the terminal). */
  stdin?: boolean;
  /** The file a `<` redirect feeds it, when written out (`psql app < dump.sql`). */
  stdinFile?: string;
  /** The here-document fed to it, as written, and the line (relative to the cell) where its body starts. */
  heredoc?: { text: string; line: number };
  /** Source text of the whole simple command, wrappers included, trimmed to ~200 characters. */
  text: string;
  /** Position of the command name, 1-based, relative to the cell source. */
  line: number;
  column: number;
}

/** How SQL reached `psql`. */
export type SqlVia = 'option' | 'heredoc' | 'herestring' | 'pipe';

/** SQL text handed to `psql` inside a shell cell. */
export interface EmbeddedSql {
  /** The SQL as psql receives it (quotes and escapes resolved), without surrounding blank space. */
  sql: string;
  /** Position of the first character of `sql` in the cell source, 1-based. */
  line: number;
  column: number;
  via: SqlVia;
  /** True when the text contains expansions (`$VAR`, `$(cmd)`), kept verbatim in `sql`. */
  dynamic: boolean;
}

/** Everything litops needs to know about one shell cell. */
export interface ShellAnalysis {
  /** Every variable read, in source order. */
  reads: VariableUse[];
  /** Reads of variables not set earlier in the cell and not well-known (HOME, $1, ...). */
  freeReads: VariableUse[];
  /** Variables the cell sets (function-local `local` variables excluded), in source order. */
  sets: VariableUse[];
  /** Names of the functions the cell defines, in order, without duplicates. */
  functions: string[];
  commands: CommandUse[];
  destructive: DestructiveReason[];
  /** Commands that never end by themselves or wait for a person (`tail -f`, `read -p`). */
  blocking: DestructiveReason[];
  embeddedSql: EmbeddedSql[];
  /** Set when the source does not parse; the lists then cover the lines that do. */
  error?: LocatedError;
}

/** One numbered part of a shell cell (`# Step 2: ...`), see `splitNumberedParts`. */
export interface ShellPart {
  /** The number in the comment; 0 for a preamble holding commands before `# 1`. */
  number: number;
  /** Title after the number (`Scale horizontally`); empty for a preamble. */
  title: string;
  /** The part's lines, verbatim; the parts joined with `\n` give back the cell source. */
  source: string;
  /** 1-based line in the cell source where the part starts. */
  line: number;
  /** False when the part holds only comments and blank lines (a manual instruction). */
  hasCode: boolean;
}
