import type { EventOf, RunEvent } from '../../model/events.js';
import type { Cell } from '../../model/runbook.js';
import { hashText, REDACTED, restoreRedactedSource } from './restore-redacted-source.js';

/** What a replay runs for one cell of the recorded plan. */
export type SourceChoice =
  /** The runbook's source: the cell was not edited (or never started) in the original run. */
  | { cell: string; kind: 'runbook' }
  /** The operator's edit, as recorded; `restored` when secrets were put back into `[REDACTED]` slots. */
  | { cell: string; kind: 'edited'; source: string; originalSha256: string; restored: boolean }
  /** The source that ran cannot be known exactly; the replay must not guess. */
  | { cell: string; kind: 'refused'; reason: string };

/**
 * Decides, for each cell the replay will run, which source to run: the one the
 * original run actually ran (its last attempt), proven by the recorded sha256.
 *
 * - The recorded sha256 equals the runbook source's: run the runbook source (the
 *   recorded text may be redacted; the runbook's is the exact one).
 * - Else (an edit): the recorded source, when it hashes to the recorded sha256;
 *   when it holds `[REDACTED]`, the secrets given now (`secrets`) are tried in its
 *   slots and the text that hashes right is run.
 * - Else refused, with why.
 */
export function chooseReplaySources(cells: readonly Cell[], events: readonly RunEvent[], secrets: readonly string[]): SourceChoice[] {
  const lastStart = new Map<string, EventOf<'cell.start'>>();
  for (const event of events) if (event.type === 'cell.start') lastStart.set(event.cell, event);
  return cells.map((cell): SourceChoice => {
    const start = lastStart.get(cell.id);
    const originalSha256 = hashText(cell.source);
    if (!start || start.sha256 === originalSha256) return { cell: cell.id, kind: 'runbook' };
    const short = start.sha256.slice(0, 12);
    if (!start.source.includes(REDACTED)) {
      if (hashText(start.source) === start.sha256) return { cell: cell.id, kind: 'edited', source: start.source, originalSha256, restored: false };
      return { cell: cell.id, kind: 'refused', reason: `${cell.id}: the source recorded for attempt ${start.attempt} does not hash to its recorded sha256 ${short}…; the log cannot say what ran` };
    }
    const restored = restoreRedactedSource(start.source, start.sha256, secrets);
    if (restored !== null) return { cell: cell.id, kind: 'edited', source: restored, originalSha256, restored: true };
    return {
      cell: cell.id,
      kind: 'refused',
      reason:
        `${cell.id}: edited in the original run, and the edit held a secret that the log keeps only as ${REDACTED} ` +
        `(sha256 ${short}…); no secret given now restores it. Give the secret again (--set NAME=..., --env-file, ` +
        'or the environment), or run the runbook afresh with litops run',
    };
  });
}
