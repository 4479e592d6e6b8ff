import { analyzeSql, bindPsqlVariables } from '../../parser/index.js';
import { classifyMetaCommand } from './meta-commands.js';

/** One thing to do for a cell, in text order. */
export type PlannedStep =
  | { kind: 'statement'; text: string; line: number; column: number; statementKind: string | null }
  | { kind: 'meta'; text: string; line: number; column: number; note: string };

/** What to run, or why nothing runs. */
export type CellPlan =
  | { ok: true; steps: PlannedStep[]; sql: string }
  | { ok: false; status: 'error' | 'failed'; error: string };

function listNames(names: readonly string[]): string {
  return names.map((name) => `:${name}`).join(', ');
}

/**
 * Binds the cell's psql variables, then splits the bound text with the real
 * parser (as psql lexes substituted text: a value's `;` ends a statement).
 * Missing variables and refused meta-commands stop the cell with status
 * `error`, a syntax error with `failed`, before anything is sent. Lines are
 * 1-based within the bound text (the cell's own lines unless a value spans lines).
 */
export function planCell(source: string, variables: Readonly<Record<string, string>>): CellPlan {
  const bound = bindPsqlVariables(source, variables);
  if (bound.missing.length > 0) {
    const setInCell = analyzeSql(source).metaCommands.some((meta) => (meta.command === 'set' || meta.command === 'gset') && bound.missing.includes(meta.args[0] ?? ''));
    const plural = bound.missing.length > 1 ? 's' : '';
    const why = setInCell ? ' (psql\'s \\set and \\gset are not run by litops: give the value as a runbook variable or with --set)' : ' (give it as a runbook variable or with --set NAME=VALUE)';
    return { ok: false, status: 'error', error: `no value for psql variable${plural} ${listNames(bound.missing)}${why}; nothing was run` };
  }
  const analysis = analyzeSql(bound.sql);
  if (analysis.error) {
    const { message, line, column } = analysis.error;
    return { ok: false, status: 'failed', error: `line ${line}, column ${column}: ${message}; nothing was run` };
  }
  const steps: PlannedStep[] = analysis.statements.map((statement) => ({
    kind: 'statement', text: statement.text, line: statement.line, column: statement.column, statementKind: statement.kind,
  }));
  for (const meta of analysis.metaCommands) {
    const decision = classifyMetaCommand(meta.command, meta.args);
    if (decision.action === 'refuse') {
      return { ok: false, status: 'error', error: `line ${meta.line}: psql meta-command ${meta.text} is not supported: ${decision.reason}; nothing was run` };
    }
    steps.push({ kind: 'meta', text: meta.text, line: meta.line, column: meta.column, note: `skipped psql meta-command \\${meta.command}: ${decision.note}` });
  }
  steps.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: true, steps, sql: bound.sql };
}
