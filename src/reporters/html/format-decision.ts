import type { EventOf } from '../../model/events.js';
import { formatBadge } from './format-badge.js';
import { html, type SafeHtml } from './html.js';

/** A decision as one line: action, on what, by whom, when, and why. */
export function formatDecision(decision: EventOf<'decision'>, options: { showTarget?: boolean } = {}): SafeHtml {
  const target = options.showTarget && (decision.cell ?? decision.step) ? html` <code>${decision.cell ?? decision.step}</code>` : '';
  return html`${formatBadge(decision.action)}${target} by ${decision.by} at ${decision.ts}${decision.reason ? html`: ${decision.reason}` : html` <span class="muted">(no reason given)</span>`}`;
}

/** Every decision of the run, in order (skips, edits, retries, aborts, confirmations, refusals). */
export function formatDecisions(decisions: ReadonlyArray<EventOf<'decision'>>): SafeHtml {
  const body = decisions.length
    ? html`<ul class="notes">${decisions.map((decision) => html`<li>${formatDecision(decision, { showTarget: true })}</li>`)}</ul>`
    : html`<p class="muted">No decisions were recorded.</p>`;
  return html`<section id="decisions"><h2>Decisions</h2>${body}</section>`;
}
