import type { Cell } from '../../model/runbook.js';
import { analyzeShell, analyzeSql } from '../../parser/index.js';

/** A variable a cell reads, and whether it reads it with a fallback (`${X:-d}`). */
export interface CellRead {
  name: string;
  hasDefault: boolean;
}

/**
 * Every variable a cell reads that the cell itself has not set first, including
 * those an earlier cell sets (the graph's `cell.reads` leaves these out): shell
 * parameter reads, psql variables in SQL, and `<placeholder>` words. The SQL
 * parser must be loaded (`loadSqlParser`), as it is after parsing a runbook.
 */
export function listCellReads(cell: Cell): CellRead[] {
  const placeholders = cell.placeholders.map((placeholder) => ({ name: placeholder.name, hasDefault: false }));
  if (cell.lang === 'shell') return [...analyzeShell(cell.source).freeReads.map(({ name, hasDefault }) => ({ name, hasDefault })), ...placeholders];
  if (cell.lang === 'sql') return [...analyzeSql(cell.source).variables.map(({ name }) => ({ name, hasDefault: false })), ...placeholders];
  return placeholders;
}
