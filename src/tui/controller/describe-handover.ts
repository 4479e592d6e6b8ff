import { formatDuration } from '../../model/duration.js';
import type { Cell } from '../../model/runbook.js';

/**
 * What the terminal says when a blocking cell gets it, on two lines (each fits
 * 80 columns for a one-reason cell): why the cell never ends by itself, and how
 * to leave it (Ctrl-C ends it, the cell counts as done and the run goes on):
 *
 *     ⏸ follow is blocking: tail -f follows the file until it is stopped
 *       Ctrl-C ends it, and the run goes on
 */
export function describeHandover(cell: Cell, timeoutMs: number | null): string {
  const name = cell.attributes.name ?? cell.id;
  const reasons = cell.blockingReasons.map((r) => r.reason).join('; ') || 'it never ends by itself';
  const bound = timeoutMs === null ? '' : ` (its ${formatDuration(timeoutMs)} timeout ends it too)`;
  return `⏸ ${name} is blocking: ${reasons}\n  Ctrl-C ends it, and the run goes on${bound}`;
}
