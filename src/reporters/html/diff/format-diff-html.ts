import { html, type SafeHtml } from '../html.js';
import { showControls } from '../../../model/terminal/show-control.js';
import { diffLines } from '../../../model/diff-lines.js';

/** A line diff as a block: `- ` removed and `+ ` added lines (marked by sign and colour, so print and screen readers get it). */
export function formatDiffHtml(original: string, edited: string): SafeHtml {
  const lines = diffLines(original, edited).map(({ kind, text }) => {
    const sign = kind === 'added' ? '+' : kind === 'removed' ? '-' : ' ';
    const tag = kind === 'added' ? 'add' : kind === 'removed' ? 'del' : 'same';
    return html`<span class="${tag}">${sign} ${showControls(text)}</span>`;
  });
  return html`<pre class="diff" aria-label="Diff of the source against the runbook">${lines}</pre>`;
}
