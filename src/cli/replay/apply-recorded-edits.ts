import type { DestructiveReason } from '../../model/safety.js';
import type { Cell, Runbook } from '../../model/runbook.js';
import { analyzeShell, analyzeSql } from '../../parser/index.js';

/**
 * The runbook with each edited cell's source replaced by the edit that ran, and
 * its destructive classification redone on that source (an edit may add an
 * `rm -rf`), so the gate judges what will actually run. The input is not changed.
 * The SQL parser must be loaded (`loadSqlParser`).
 */
export function applyRecordedEdits(runbook: Runbook, edits: ReadonlyMap<string, string>): Runbook {
  if (edits.size === 0) return runbook;
  const cells = runbook.cells.map((cell) => {
    const source = edits.get(cell.id);
    return source === undefined ? cell : classifyEdit({ ...cell, source });
  });
  return { ...runbook, cells };
}

function classifyEdit(cell: Cell): Cell {
  const marked = cell.attributes.destructive;
  const found = findReasons(cell).map((reason) => ({ ...reason, line: cell.sourceLine + reason.line - 1 }));
  const reasons = marked === true && found.length === 0
    ? [{ rule: 'marked-destructive', reason: 'marked destructive by the runbook', text: cell.source.split('\n')[0]!.slice(0, 200), line: cell.sourceLine, column: 1 }]
    : found;
  return { ...cell, reasons, destructive: marked === false ? false : reasons.length > 0 };
}

function findReasons(cell: Cell): DestructiveReason[] {
  if (cell.lang === 'sql') return analyzeSql(cell.source).destructive;
  const analysis = analyzeShell(cell.source);
  const embedded = analysis.embeddedSql.flatMap((sql) =>
    analyzeSql(sql.sql).destructive.map((reason) => ({ ...reason, reason: `${reason.reason} (in psql ${sql.via})`, line: sql.line + reason.line - 1 })),
  );
  return [...analysis.destructive, ...embedded];
}
