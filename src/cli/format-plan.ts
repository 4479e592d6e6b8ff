import type { Plan, GateProblem, TargetSpec } from '../executor/index.js';
import { resolveTarget, redactUrl } from '../executor/index.js';
import type { Runbook } from '../model/runbook.js';

/** What `run --dry-run` shows. */
export interface FormatPlanInput {
  runbook: Runbook;
  plan: Plan;
  inputs: { values: Record<string, string>; sources: Record<string, string>; missing: Array<{ name: string }> };
  problems: GateProblem[];
  targets: { db: string | null; sandbox: boolean; env: Record<string, string | undefined> };
  color: boolean;
}

/**
 * The plan of a run, without running anything: steps and cells in order, the
 * target of each SQL cell (resolved, not connected), inputs with secrets masked,
 * destructive marks and expectations, and what would stop the run.
 */
export function formatPlan({ runbook, plan, inputs, problems, targets, color }: FormatPlanInput): string {
  const paint = (code: number, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const out: string[] = [`${paint(1, `Plan: ${runbook.title}`)}  ${paint(2, `${plan.cells.length} cells to run; nothing is run (--dry-run)`)}`, ''];
  const secret = new Set(runbook.variables.filter((v) => v.secret).map((v) => v.name));
  const inputNames = runbook.variables.filter((v) => v.role === 'input').map((v) => v.name);
  if (inputNames.length) {
    out.push(paint(1, 'Inputs'));
    for (const name of inputNames) {
      const value = inputs.values[name];
      const shown = value === undefined ? paint(31, 'MISSING') : secret.has(name) ? '[REDACTED]' : JSON.stringify(value);
      out.push(`  ${name} = ${shown}${value !== undefined ? paint(2, `  (${inputs.sources[name]})`) : ''}`);
    }
    out.push('');
  }
  for (const { step, cells, skipped } of plan.steps) {
    out.push(`${paint(1, `▸ ${step.title}`)}  ${paint(2, `[${step.id}]${step.kind !== 'cells' ? ` ${step.kind} step: needs a person` : ''}`)}`);
    for (const cell of cells) {
      const target = cell.lang === 'sql' ? ` → ${describeTarget(cell.attributes.connection ?? null, runbook, targets)}` : '';
      out.push(`    ${cell.id}  ${cell.lang}${target}  ${paint(2, `line ${cell.line}`)}${cell.attributes.readonly ?? runbook.frontMatter.readonly ? paint(2, '  read-only') : ''}`);
      for (const reason of cell.reasons) if (cell.destructive) out.push(`      ${paint(31, `⚠ destructive: ${reason.reason}`)}`);
      for (const expectation of cell.expectations) out.push(`      ${paint(36, `expect ${expectation.source}`)}`);
      if (cell.attributes.capture) out.push(`      ${paint(2, `captures ${cell.attributes.capture}`)}`);
    }
    for (const { cell, reason } of skipped.filter((s) => s.cell.executable)) out.push(paint(2, `    ↷ ${cell.id}: not run (${reason})`));
  }
  for (const note of plan.notes) out.push(paint(33, `note: ${note}`));
  out.push('');
  if (problems.length) {
    out.push(paint(31, 'A real run would refuse to start:'));
    for (const problem of problems) out.push(`  ${problem.message}`);
  } else {
    out.push(paint(32, 'Ready: a real run would start.'));
  }
  return `${out.join('\n')}\n`;
}

function describeTarget(connection: string | null, runbook: Runbook, targets: FormatPlanInput['targets']): string {
  try {
    const target: TargetSpec = resolveTarget(connection, { connections: runbook.frontMatter.connections ?? {}, db: targets.db, env: targets.env, sandbox: targets.sandbox, dataDir: '.litops' });
    return target.kind === 'embedded' ? `embedded PostgreSQL (${target.source})` : `${redactUrl(target.description)} (${target.source})`;
  } catch (error) {
    return `unresolved: ${error instanceof Error ? error.message : String(error)}`;
  }
}
