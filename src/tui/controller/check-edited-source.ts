import type { Cell } from '../../model/runbook.js';
import type { DestructiveReason } from '../../model/safety.js';
import { loadSqlParser, parseRunbookSync } from '../../parser/index.js';

/**
 * Why an edited cell is destructive, found the way the parser finds it for the
 * runbook (the same syntax trees): an edit that adds `rm -rf` or `DROP TABLE`
 * asks for the cell's name like any destructive cell.
 */
export async function checkEditedSource(cell: Cell, source: string): Promise<DestructiveReason[]> {
  await loadSqlParser();
  const longest = Math.max(2, ...[...source.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const { runbook } = parseRunbookSync(`# edit\n\n${fence}${(cell.executable ? cell.lang : cell.guess) === 'sql' ? 'sql' : 'bash'}\n${source}\n${fence}\n`);
  const edited = runbook.cells[0];
  const reasons = edited?.reasons ?? [];
  if (reasons.length === 0 && cell.attributes.destructive === true) return cell.reasons;
  return reasons;
}
