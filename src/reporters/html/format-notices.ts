import type { RunRecord } from '../run-record/index.js';
import { formatBadge } from './format-badge.js';
import { html, type SafeHtml } from './html.js';

/** The run's notices (warnings and errors the tool raised), or nothing when there are none. */
export function formatNotices(record: RunRecord): SafeHtml | string {
  if (record.notices.length === 0) return '';
  const levels: Record<string, string> = { info: 'passed', warning: 'skipped', error: 'failed' };
  return html`<section id="notices"><h2>Notices</h2><ul class="notes">${record.notices.map((notice) => html`<li>${formatBadge(levels[notice.level] ?? notice.level, notice.level)} ${notice.ts}: ${notice.message}</li>`)}</ul></section>`;
}
