import { formatDuration } from '../model/duration.js';
import type { RunTimeout } from '../model/events.js';
import type { PlanCell, PlanInput, PlanTarget, RunPlan } from '../model/plan.js';
import { formatDiagnostics } from './format-diagnostics.js';

/** Options of {@link formatPlan}. */
export interface FormatPlanOptions {
  /** ANSI colours. */
  color: boolean;
  /** Diagnostics listed at most; the rest are counted (default 20). */
  diagnosticLimit?: number;
}

type Paint = (code: number, text: string) => string;

/**
 * What `run --dry-run` prints, drawn from the plan as data (see `buildRunPlan`):
 * the inputs the planned cells need (secrets masked), steps and cells in order,
 * the target of each SQL cell (resolved, not connected), destructive and
 * blocking marks, timeouts and expectations, the runbook's errors and warnings,
 * and what would stop the run.
 */
export function formatPlan(plan: RunPlan, { color, diagnosticLimit = 20 }: FormatPlanOptions): string {
  const paint: Paint = (code, text) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const count = plan.steps.reduce((sum, step) => sum + step.cells.length, 0);
  const out: string[] = [`${paint(1, `Plan: ${plan.runbook.title}`)}  ${paint(2, `${count} cell${count === 1 ? '' : 's'} to run; nothing is run (--dry-run)`)}`, paint(2, `Per-cell timeout: ${formatRunTimeout(plan.timeout)}`), ''];
  if (plan.inputs.length) out.push(paint(1, 'Inputs'), ...plan.inputs.map((input) => formatInput(input, paint)), '');
  for (const { id, title, kind, cells, skipped } of plan.steps) {
    out.push(`${paint(1, `▸ ${title}`)}  ${paint(2, `[${id}]${kind !== 'cells' ? ` ${kind} step: needs a person` : ''}`)}`);
    for (const cell of cells) out.push(...formatCell(cell, paint));
    for (const cell of skipped.filter((s) => s.executable)) out.push(paint(2, `    ↷ ${cell.id}: not run (${cell.reason})`));
  }
  for (const note of plan.notes) out.push(paint(33, `note: ${note}`));
  if (plan.diagnostics.length) {
    out.push('', paint(1, `Diagnostics (${plan.diagnostics.length})`));
    out.push(...formatDiagnostics(plan.runbook.path, plan.diagnostics, { color, limit: diagnosticLimit, indent: '  ' }));
  }
  out.push('');
  if (plan.problems.length) {
    out.push(paint(31, 'A real run would refuse to start:'));
    for (const problem of plan.problems) out.push(`  ${problem.message}`);
  } else {
    out.push(paint(32, 'Ready: a real run would start.'));
  }
  return `${out.join('\n')}\n`;
}

function formatInput(input: PlanInput, paint: Paint): string {
  const about = input.description ? paint(2, `  · ${input.description}`) : '';
  if (input.value === null) return `  ${input.name} = ${input.required ? paint(31, 'MISSING') : paint(2, 'not set (optional)')}${about}`;
  return `  ${input.name} = ${input.secret ? input.value : JSON.stringify(input.value)}${paint(2, `  (${input.source})`)}`;
}

function formatCell(cell: PlanCell, paint: Paint): string[] {
  const target = cell.target ? ` → ${formatTarget(cell.target)}` : '';
  const timeout = cell.timeoutSource === 'cell' ? paint(2, `  timeout ${cell.timeoutMs === null ? 'none' : formatDuration(cell.timeoutMs)}`) : '';
  const lines = [`    ${cell.id}  ${cell.lang}${target}  ${paint(2, `line ${cell.line}`)}${cell.readonly ? paint(2, '  read-only') : ''}${timeout}`];
  if (cell.destructive) for (const reason of cell.reasons) lines.push(`      ${paint(31, `⚠ destructive: ${reason.reason}`)}`);
  if (cell.blocking) lines.push(...formatBlocking(cell, paint));
  for (const expectation of cell.expectations) lines.push(`      ${paint(36, `expect ${expectation.source}`)}`);
  if (cell.capture) lines.push(`      ${paint(2, `captures ${cell.capture}`)}`);
  return lines;
}

/** Each blocking mark with its line, then what a real run would do with the cell. */
function formatBlocking(cell: PlanCell, paint: Paint): string[] {
  const reasons = cell.blockingReasons.length ? cell.blockingReasons : [{ reason: 'marked blocking', line: cell.line }];
  const lines = reasons.map((reason) => `      ${paint(33, `⏸ blocking: ${reason.reason}`)} ${paint(2, `(line ${reason.line})`)}`);
  // Only the cell's own timeout bounds it; the run's default is a safety net, not a plan.
  if (cell.timeoutSource === 'cell' && cell.timeoutMs !== null) lines.push(`      ${paint(2, `bounded by its timeout: runs for ${formatDuration(cell.timeoutMs ?? 0)}, and ending by it counts as done`)}`);
  else lines.push(`      ${paint(31, 'a real run would refuse it: no timeout attribute bounds it (in the terminal UI, Ctrl-C ends it)')}`);
  return lines;
}

/** `30m (the default of an unattended run)`, `1s (--timeout)`, `none`. */
export function formatRunTimeout(timeout: RunTimeout): string {
  const about = { 'front-matter': "the runbook's front matter", '--timeout': '--timeout', default: 'the default of an unattended run; change it with --timeout or the front matter', none: 'none set' }[timeout.source];
  return timeout.ms === null ? `none (${about})` : `${formatDuration(timeout.ms)} (${about})`;
}

function formatTarget(target: PlanTarget): string {
  return target.kind === 'unresolved' ? `unresolved: ${target.description}` : `${target.description} (${target.source})`;
}
