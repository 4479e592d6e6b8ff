/** One step of a subcommand path: alternatives, a pattern, or `'*'` for any word. */
export type PathStep = readonly string[] | RegExp | '*';

/**
 * A command an operator must know about before it runs: one that destroys or
 * changes state (destructive), or one that never ends by itself or waits for a
 * person (blocking). All given conditions must hold. `reason` names the
 * command and may use `{cmd}` (its base name) and `{0}`, `{1}` (its first positionals).
 */
export interface SafetyRule {
  /** Stable id, kebab-case; the same id may appear on several entries (alternative forms). */
  rule: string;
  reason: string;
  /** Base names (`rm`, also for `/bin/rm`), a pattern, or `'*'` (any command; use with `wrappedBy`). */
  commands: readonly string[] | RegExp | '*';
  /** Leading positionals (subcommands), after skipping options and their values. */
  path?: readonly PathStep[];
  /** At least one of these options; `-r` also matches inside `-rf`. */
  anyOption?: readonly string[];
  /** And at least one of these too (`-i` and `-t` of `docker run -it`). */
  alsoOption?: readonly string[];
  /** None of these options. */
  noOption?: readonly string[];
  /** Some argument, as written, matches (`of=...`, `-delete`, `-9`). */
  anyArg?: RegExp;
  /** No argument matches (`-y`, `--yes`, `-auto-approve`). */
  noArg?: RegExp;
  /** Two consecutive arguments match (`-exec rm`). */
  argPair?: readonly [RegExp, RegExp];
  /** An option's value matches (`--replicas=0`, `--replicas 0`, `-s KILL`). */
  optionValue?: { names: readonly string[]; value: RegExp };
  /** The last positional matches (`cp -RT backup /var/lib/mongodb`). */
  lastPositional?: RegExp;
  /** At most this many positionals (`psql` with no script, `ssh host` with no command). */
  maxPositionals?: number;
  /** The command runs under one of these wrappers (`watch kubectl get pods`). */
  wrappedBy?: readonly string[];
  /** The command's standard input is (true) or is not (false) redirected, piped or a here-document. */
  stdin?: boolean;
  /** The command is run as a script: written with a path (`./x`, `/opt/x`) or a script extension (`x.sh`). */
  asScript?: boolean;
  /** The file redirected into it with `<` matches (`psql < dump.sql`). */
  stdinFile?: RegExp;
}

/** Kept for readers of the first table's name. */
export type DestructiveRule = SafetyRule;
