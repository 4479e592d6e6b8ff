import type { RunRecord } from '../run-record/index.js';
import { describeEvent } from './describe-event.js';
import { html, type SafeHtml } from './html.js';
import { showControls } from '../../model/terminal/show-control.js';

/** The events of the log in order (output chunks left out); lines past the last intact one are marked. */
export function formatTimeline(record: RunRecord): SafeHtml {
  const intact = record.verification.intactThrough.seq;
  const rows = record.events.flatMap((line) => {
    const text = describeEvent(line);
    if (text === null) return [];
    const untrusted = line.seq > intact;
    return [html`<tr${untrusted ? html` class="untrusted"` : ''}><td>${line.seq}</td><td>${line.ts}</td><td><code>${line.type}</code></td><td>${showControls(text)}${untrusted ? html` <strong class="bad-text">(after the last intact line)</strong>` : ''}</td></tr>`];
  });
  return html`<section id="timeline"><h2>Timeline</h2><div class="table-wrap"><table class="timeline">
<thead><tr><th>#</th><th>Time (UTC)</th><th>Event</th><th>What happened</th></tr></thead>
<tbody>${rows}</tbody>
</table></div></section>`;
}
