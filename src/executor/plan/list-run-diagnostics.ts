import type { Diagnostic, Severity } from '../../model/diagnostic.js';
import type { Runbook } from '../../model/runbook.js';

/** The severities `run` shows before it starts (`inspect` shows every one). */
export const RUN_SEVERITIES: readonly Severity[] = ['error', 'warning'];

/**
 * The diagnostics a run shows where the operator looks (stderr, the dry-run plan,
 * the terminal UI's overview): errors, then warnings, each in file order. Info
 * diagnostics (how a block was read) are left to `inspect`.
 */
export function listRunDiagnostics(runbook: Runbook): Diagnostic[] {
  return RUN_SEVERITIES.flatMap((severity) => runbook.diagnostics.filter((d) => d.severity === severity).sort((a, b) => a.line - b.line || a.column - b.column));
}
