import { formatDuration } from '../model/duration.js';
import { formatCount } from '../model/format-count.js';
import type { Cell, Criterion, Runbook, Step } from '../model/runbook.js';
import { formatDiagnostic } from './format-diagnostics.js';

/** Options of {@link formatOutline}. */
export interface OutlineOptions {
  /** ANSI colours (default false). */
  color: boolean;
}

type Paint = (code: number, text: string) => string;

/**
 * The readable outline `litops inspect` prints: procedures with their steps and
 * cells (language, line, destructive and blocking marks), criteria, variables, diagnostics.
 */
export function formatOutline(runbook: Runbook, options: OutlineOptions = { color: false }): string {
  const paint: Paint = (code, text) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const out: string[] = [paint(1, runbook.title), `sha256 ${runbook.sha256}`];
  const counts = summarize(runbook);
  out.push(`${counts}\n`);
  const cellById = new Map(runbook.cells.map((cell) => [cell.id, cell]));
  for (const procedure of runbook.procedures) {
    const meta = Object.entries(procedure.metadata).map(([k, v]) => `${k}: ${v}`).join(' · ');
    out.push(`${paint(1, procedure.title)}  ${paint(2, `[${procedure.id}] line ${procedure.line}`)}${procedure.destructive ? paint(31, '  ⚠ destructive') : ''}`);
    if (meta) out.push(`  ${paint(2, meta)}`);
    for (const prerequisite of runbook.prerequisites.filter((p) => p.procedure === procedure.id)) out.push(`  ☐ prerequisite: ${prerequisite.text}`);
    procedure.steps.forEach((stepId, i) => {
      const step = runbook.steps.find((s) => s.id === stepId)!;
      out.push(...formatStep(step, i + 1, cellById, paint));
    });
    for (const criterion of runbook.criteria.filter((c) => c.procedure === procedure.id)) {
      const cell = criterion.expectation?.cell;
      const bound = criterion.check && cell && !criterion.check.startsWith(cell) ? ` (on ${cell})` : '';
      out.push(`  ${markCriterion(criterion)} criterion: ${criterion.text}${criterion.check ? paint(36, `  [check ${criterion.check}${bound}]`) : paint(2, '  [manual]')}`);
    }
    for (const guidance of runbook.guidance.filter((g) => g.procedure === procedure.id)) {
      out.push(`  ↳ ${guidance.kind}: ${guidance.items.join('; ')}`);
    }
    out.push('');
  }
  const loose = runbook.criteria.filter((c) => c.procedure === null);
  if (loose.length) out.push(paint(1, 'Criteria'), ...loose.map((c) => `  ${markCriterion(c)} ${c.text}`), '');
  if (runbook.variables.length) {
    out.push(paint(1, 'Variables'));
    for (const v of runbook.variables) {
      const bits = [v.role === 'input' ? (v.required ? 'input, required' : 'input') : 'set by the runbook', v.secret ? 'secret' : '', v.default !== null ? `default ${JSON.stringify(v.default)}` : '', v.description ?? ''];
      out.push(`  ${v.role === 'input' ? paint(33, v.name) : v.name}  ${paint(2, bits.filter(Boolean).join(' · '))}`);
    }
    out.push('');
  }
  out.push(paint(1, `Diagnostics (${runbook.diagnostics.length})`));
  for (const d of runbook.diagnostics) out.push(`  ${formatDiagnostic(runbook.path, d, paint)}`);
  return `${out.join('\n')}\n`;
}

function formatStep(step: Step, n: number, cellById: Map<string, Cell>, paint: Paint): string[] {
  const kind = step.kind === 'cells' ? '' : paint(2, ` (${step.kind})`);
  const role = step.role === 'rollback' ? paint(35, ' (on failure)') : '';
  const needs = step.needs.length ? paint(2, `  needs ${step.needs.join(', ')}`) : '';
  const lines = [`  ${n}. ${step.title}${kind}${role}  ${paint(2, `[${step.id}] line ${step.line}`)}${needs}`];
  for (const cellId of step.cells) {
    const cell = cellById.get(cellId)!;
    const what = cell.executable ? paint(32, cell.lang) : cell.guess ? paint(33, `${cell.lang}, looks like ${cell.guess}`) : paint(2, `${cell.lang}, reference`);
    const part = cell.part ? ` part ${cell.part.index}/${cell.part.count} "${cell.part.title}"` : '';
    const timeout = cell.attributes.timeout !== undefined ? paint(2, `  timeout ${cell.attributes.timeout > 0 ? formatDuration(cell.attributes.timeout) : 'none'}`) : '';
    lines.push(`     ▸ ${cell.id}  ${what}  line ${cell.line}${part}${cell.attributes.skip ? paint(2, '  skip') : ''}${timeout}`);
    for (const reason of cell.reasons) if (cell.destructive) lines.push(`       ${paint(31, `⚠ destructive: ${reason.reason}`)} ${paint(2, `(line ${reason.line})`)}`);
    for (const reason of cell.blockingReasons) if (cell.blocking) lines.push(`       ${paint(33, `⏸ blocking: ${reason.reason}`)} ${paint(2, `(line ${reason.line})`)}`);
    for (const expectation of cell.expectations) lines.push(`       ${paint(36, `expect ${expectation.source}`)}`);
  }
  return lines;
}

function summarize(runbook: Runbook): string {
  const executable = runbook.cells.filter((c) => c.executable).length;
  const destructive = runbook.cells.filter((c) => c.destructive).length;
  const blocking = runbook.cells.filter((c) => c.blocking).length;
  const inputs = runbook.variables.filter((v) => v.role === 'input').length;
  return `${formatCount(runbook.procedures.length, 'procedure')} · ${formatCount(runbook.steps.length, 'step')} · ${formatCount(executable, 'executable cell')} (${runbook.cells.length - executable} reference) · ${destructive} destructive · ${blocking} blocking · ${formatCount(runbook.criteria.length, 'criterion', 'criteria')} · ${formatCount(inputs, 'input')}`;
}

/** A manual criterion waits for a person's judgement: a neutral ☐, not ✓ before anyone judged it. A bound check keeps ✓. */
function markCriterion(criterion: Criterion): string {
  return criterion.check ? '✓' : '☐';
}
