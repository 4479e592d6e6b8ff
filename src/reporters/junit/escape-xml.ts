/**
 * Escaping for XML 1.0 text, attributes and CDATA. Output of commands can hold
 * anything: ANSI escape sequences are removed, and characters XML 1.0 cannot
 * carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD.
 */

// CSI (colours, cursor moves), OSC (titles, hyperlinks; ended by BEL or ST), and two-character escapes.
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
// Everything outside XML 1.0's Char production. The u flag makes a lone surrogate one unmatched unit.
const INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes ANSI escape sequences and replaces characters XML 1.0 does not allow with U+FFFD. */
export function sanitizeXmlChars(text: string): string {
  return text.replace(ANSI, '').replace(INVALID, '\uFFFD');
}

/** Text content: `&`, `<`, `>` escaped; line ends as `\n` (what an XML parser makes of them anyway). */
export function escapeXmlText(text: string): string {
  return escapeMarkup(sanitizeXmlChars(text).replace(/\r\n?/g, '\n'));
}

/** A double-quoted attribute value; tabs and line breaks as character references so they survive normalisation. */
export function escapeXmlAttribute(text: string): string {
  return escapeMarkup(sanitizeXmlChars(text)).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** A CDATA section holding `text` (sanitised, line ends as `\n`); a `]]>` inside is split across two sections. */
export function formatCdata(text: string): string {
  return `<![CDATA[${sanitizeXmlChars(text).replace(/\r\n?/g, '\n').replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
