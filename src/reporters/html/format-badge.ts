import { html, type SafeHtml } from './html.js';

/** A status as a coloured, bordered word (the word itself carries the meaning in print and for screen readers). */
export function formatBadge(status: string, label: string = status): SafeHtml {
  return html`<span class="badge ${getStatusClass(status)}">${label}</span>`;
}

/** `s-` and the status with anything but letters, digits and `-` as `-` (`n/a` → `s-n-a`). */
export function getStatusClass(status: string): string {
  return `s-${status.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`;
}
