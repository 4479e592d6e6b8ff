import { escapeHtml } from '../escape-html.js';
import { trustedHtml, type SafeHtml } from '../html.js';
import { applySgr, DEFAULT_SGR_STATE, type SgrState, type TerminalColor } from '../../../model/terminal/sgr-state.js';
import { showControl } from '../../../model/terminal/show-control.js';
import { tokenizeTerminal } from '../../../model/terminal/tokenize-terminal.js';

/**
 * Terminal output as HTML for a `<pre>`: text escaped, SGR colours and styles
 * as `<span>`s with classes (`fg-1`, `bg-4`, `b`) or a computed `color:#rrggbb`,
 * and every other escape sequence or control character shown inert as visible
 * text in a `<span class="ctl">` (`␛[2J`, `␛]52;c;…␇`). Nothing is interpreted.
 */
export function renderTerminalHtml(output: string): SafeHtml {
  let state: SgrState = DEFAULT_SGR_STATE;
  let html = '';
  for (const token of tokenizeTerminal(output)) {
    if (token.kind === 'sgr') state = applySgr(state, token.params);
    else if (token.kind === 'text') html += wrap(state, escapeHtml(token.text));
    else html += `<span class="ctl">${escapeHtml(showControl(token.raw))}</span>`;
  }
  return trustedHtml(html);
}

function wrap(state: SgrState, html: string): string {
  const classes: string[] = [];
  const styles: string[] = [];
  addColor(state.fg, 'fg', 'color', classes, styles);
  // Text in its own background colour would be invisible: drop the background.
  if (!sameColor(state.fg, state.bg)) addColor(state.bg, 'bg', 'background-color', classes, styles);
  if (state.bold) classes.push('b');
  if (state.dim) classes.push('dim');
  if (state.italic) classes.push('i');
  if (state.underline) classes.push('u');
  if (!classes.length && !styles.length) return html;
  const classAttr = classes.length ? ` class="${classes.join(' ')}"` : '';
  const styleAttr = styles.length ? ` style="${styles.join(';')}"` : '';
  return `<span${classAttr}${styleAttr}>${html}</span>`;
}

function addColor(color: TerminalColor | null, prefix: string, property: string, classes: string[], styles: string[]): void {
  if (!color) return;
  if ('index' in color) classes.push(`${prefix}-${color.index}`);
  // Only ever `#` and six hex digits, computed from numbers.
  else styles.push(`${property}:${color.hex}`);
}

function sameColor(a: TerminalColor | null, b: TerminalColor | null): boolean {
  if (!a || !b) return false;
  return 'index' in a && 'index' in b ? a.index === b.index : 'hex' in a && 'hex' in b && a.hex === b.hex;
}
