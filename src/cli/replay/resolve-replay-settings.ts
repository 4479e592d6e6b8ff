import type { GateProblem } from '../../executor/index.js';
import { ExitCode } from '../../model/errors.js';
import type { OptionValues } from '../command-spec.js';
import { parseTimeout } from '../commands/run.js';
import { REDACTED } from './restore-redacted-source.js';

/** How the replay runs: the original run's settings unless the replay's options say otherwise. */
export interface ReplaySettings {
  /** `--db`, else the original's `--db` when it was recorded whole. */
  db: string | null;
  /** `--sandbox`, or the original ran with it. */
  sandbox: boolean;
  /** `--timeout`, else the original's: as written, and in ms. */
  timeout: string | null;
  timeoutMs: number | null;
  /** As the original: `--keep-going` decides which cells run after a failure. */
  keepGoing: boolean;
  /** `--allow-destructive`: true (all), the names allowed, or false. */
  allowDestructive: boolean | string[];
  /** A recorded `--db` whose password was redacted and no `--db` now (exit 3). */
  problems: GateProblem[];
}

/** Settles the replay's settings from its options and the original run.start `options`. */
export function resolveReplaySettings(options: OptionValues, recorded: Readonly<Record<string, unknown>>): ReplaySettings {
  const problems: GateProblem[] = [];
  let db = typeof options.db === 'string' ? options.db : null;
  if (db === null && typeof recorded.db === 'string') {
    if (recorded.db.includes(REDACTED)) problems.push({ kind: 'input', exitCode: ExitCode.needsPerson, message: `the original run used --db ${recorded.db}; its password is never logged: give the URL again with --db` });
    else db = recorded.db;
  }
  const timeout = typeof options.timeout === 'string' ? options.timeout : typeof recorded.timeout === 'string' ? recorded.timeout : null;
  return {
    db,
    sandbox: options.sandbox === true || recorded.sandbox === true,
    timeout,
    timeoutMs: timeout === null ? null : parseTimeout(timeout),
    keepGoing: recorded['keep-going'] === true,
    allowDestructive: parseAllowDestructive(options['allow-destructive']),
    problems,
  };
}

/** `--allow-destructive` alone allows all; `=a,b` allows those. */
function parseAllowDestructive(value: OptionValues[string]): boolean | string[] {
  if (typeof value !== 'string') return false;
  if (value === '*') return true;
  return value.split(',').map((name) => name.trim()).filter(Boolean);
}
