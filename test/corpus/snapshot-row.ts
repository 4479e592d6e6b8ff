import type { Cell, Runbook } from '../../src/model/runbook.js';

/**
 * One line per fenced block: fence line, class, language, step, destructive
 * and blocking lines, placeholders, dialect. Compact, so a reviewer reads it beside the runbook.
 */
export function formatSnapshot(runbook: Runbook): string {
  const byLine = new Map<number, Cell[]>();
  for (const cell of runbook.cells) byLine.set(cell.line, [...(byLine.get(cell.line) ?? []), cell]);
  const rows = [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([line, cells]) => {
    const cell = cells[0]!;
    const lang = cell.executable ? cell.lang : cell.guess ? `${cell.lang}(looks like ${cell.guess})` : cell.lang;
    const runs = cell.executable ? 'runs' : cell.guess ? 'may-run' : 'shown';
    const destructive = cells.some((c) => c.destructive) ? `destructive:${[...new Set(cells.flatMap((c) => c.reasons.map((r) => r.line)))].join(',')}` : '-';
    const blocking = cells.some((c) => c.blocking) ? `blocking:${[...new Set(cells.flatMap((c) => c.blockingReasons.map((r) => r.line)))].join(',')}` : '-';
    const placeholders = [...new Set(cells.flatMap((c) => c.placeholders.map((p) => p.name)))].join(',') || '-';
    return [`L${line}`, cell.block, lang, runs, cell.step, destructive, blocking, placeholders, cell.dialect ?? '-'].join('\t');
  });
  const steps = runbook.steps.map((step) => `# step L${step.line} ${step.kind}${step.role === 'rollback' ? ' (rollback)' : ''} ${step.id}`);
  return `${['# line\tclass\tlang\truns\tstep\tdestructive\tblocking\tplaceholders\tdialect', ...rows, ...steps].join('\n')}\n`;
}
