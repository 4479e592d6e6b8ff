import { escapeHtml } from './escape-html.js';

/** HTML that is already safe to insert: made only by {@link html} or {@link trustedHtml}. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** A value {@link html} accepts: text (escaped), safe HTML, lists of either, or nothing. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

/**
 * A template tag that escapes every interpolated value unless it is {@link SafeHtml};
 * lists are joined, and `null`, `undefined` and `false` render as nothing. The
 * report is built only with it, so a value cannot reach the page unescaped.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1]!;
  });
  return new SafeHtml(out);
}

/** Marks markup made by this module's own renderers (terminal output) as safe. Never pass input to it. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}
