import type { EventOf } from '../../model/events.js';
import type { CellRecord } from '../run-record/index.js';
import { joinParts, paragraph } from './join-parts.js';
import type { InsertedBlock } from './markers.js';
import { escapeMarkdownText, formatCodeSpan } from './markdown-text.js';

/** Decisions worth a line of their own; edits and retries show in the attempts. */
const NOTED_ACTIONS = new Set(['skip', 'confirm', 'refuse', 'abort']);
const ICONS: Record<string, string> = { skip: '⏭️', confirm: '☑️', refuse: '🚫', abort: '🛑' };

/**
 * A note after a cell for what is not an attempt: why it was skipped, that it
 * did not run, and who confirmed, refused or aborted it. Null when there is nothing to say.
 */
export function formatCellNote(record: CellRecord): InsertedBlock | null {
  const lines = record.decisions.filter((decision) => NOTED_ACTIONS.has(decision.action)).map((decision) => formatDecision(record.id, decision));
  if (record.status === 'not-run') lines.push(`⏸️ **not run** · ${formatCodeSpan(record.id)} · the run did not reach this cell`);
  if (record.status === 'skipped' && !record.decisions.some((decision) => decision.action === 'skip')) {
    lines.push(`⏭️ **skipped** · ${formatCodeSpan(record.id)}`);
  }
  if (lines.length === 0) return null;
  return { kind: 'note', attributes: [['cell', record.id]], lines: joinParts([paragraph(...lines)]) };
}

function formatDecision(id: string, decision: EventOf<'decision'>): string {
  const verb = { skip: 'skipped', confirm: 'confirmed', refuse: 'refused', abort: 'aborted' }[decision.action as string] ?? decision.action;
  const reason = decision.reason ? `: ${escapeMarkdownText(decision.reason)}` : ' (no reason given)';
  return `${ICONS[decision.action] ?? ''} **${verb}** · ${formatCodeSpan(id)} · by ${decision.by} · ${escapeMarkdownText(decision.ts)}${reason}`;
}
