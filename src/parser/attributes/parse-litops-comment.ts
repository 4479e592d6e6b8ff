import { normalizeAttributes, type AttributesResult } from './normalize-attributes.js';
import { locateOffset, type Position } from './locate.js';
import { findContentEnd, findContentStart, readAttributeBlock } from './read-attribute-block.js';
import { readSpacedAttributes } from './read-spaced-attributes.js';

const OPENING = /^\s*<!--\s*litops\s*:/;

/**
 * Parses `<!-- litops: ... -->`, an HTML comment that sets the attributes of the
 * fence after it (or, on a list item, a criterion's `check`). The body is a JSON
 * object (`{"name":"x","expect":["rows == 0"]}`), or the spaced syntax with or
 * without braces (`name=x readonly expect="rows == 0"`; a bare key means true).
 * `position` is the file position of `html`'s first character; comments may span
 * lines. Returns null when `html` is not a litops comment.
 */
export function parseLitopsComment(html: string, position: Position): AttributesResult | null {
  const opening = OPENING.exec(html);
  if (!opening) return null;
  const empty: AttributesResult = { attributes: {}, expectations: [], diagnostics: [] };
  const warn = (message: string, offset: number): AttributesResult => ({
    ...empty,
    diagnostics: [{ severity: 'warning', rule: 'malformed-attributes', message, ...locateOffset(html, offset, position) }],
  });
  const close = html.indexOf('-->', opening[0].length);
  if (close < 0) return warn('malformed attributes: the litops comment is not closed with "-->"; it is ignored', html.length);
  const start = findContentStart(html, opening[0].length, close);
  const end = findContentEnd(html, start, close);
  if (start >= end) return empty;
  let read;
  if (html[start] === '{') {
    if (html[end - 1] !== '}') return warn('malformed attributes: missing the closing "}"; the comment is ignored', end);
    read = readAttributeBlock(html, start, end);
  } else {
    read = readSpacedAttributes(html, start, end);
  }
  if (read.error) return warn(`${read.error.message}; the comment is ignored`, read.error.offset);
  return normalizeAttributes(read, html, position);
}
