import { normalizeAttributes, type AttributesResult } from './normalize-attributes.js';
import type { Position } from './locate.js';
import { findContentEnd, findContentStart, readAttributeBlock } from './read-attribute-block.js';

/**
 * Parses the attributes after a fence's language, in both of Runme's syntaxes:
 * `{"name":"x","interactive":"false"}` and `{ name=x interactive=false expect="rows == 0" }`.
 * `position` is the file position of `meta`'s first character.
 *
 * Meta that is not in braces (`title="x"`, used by doc sites) and Pandoc's
 * `{.class #id}` belong to other tools: ignored with an `ignored-fence-meta`
 * info. Unreadable braces (malformed JSON, an unclosed quote) give a
 * `malformed-attributes` warning at the offending column, and no attributes.
 */
export function parseFenceMeta(meta: string | null, position: Position): AttributesResult {
  const empty: AttributesResult = { attributes: {}, expectations: [], diagnostics: [] };
  if (meta === null) return empty;
  const start = findContentStart(meta, 0, meta.length);
  const end = findContentEnd(meta, start, meta.length);
  if (start >= end) return empty;
  const note = (severity: 'info' | 'warning', rule: string, message: string, offset: number): AttributesResult => ({
    ...empty,
    diagnostics: [{ severity, rule, message, line: position.line, column: position.column + offset }],
  });
  if (meta[start] !== '{') {
    return note('info', 'ignored-fence-meta', `text after the language is not in braces, so it is not read as attributes: ${meta.slice(start, end)}`, start);
  }
  const inner = meta[findContentStart(meta, start + 1, end)];
  if (inner === '.' || inner === '#') {
    return note('info', 'ignored-fence-meta', `Pandoc-style attributes are ignored: ${meta.slice(start, end)}`, start);
  }
  if (meta[end - 1] !== '}') {
    return note('warning', 'malformed-attributes', 'malformed attributes: missing the closing "}"; the attributes of this block are ignored', end);
  }
  const read = readAttributeBlock(meta, start, end);
  if (read.error) {
    return note('warning', 'malformed-attributes', `${read.error.message}; the attributes of this block are ignored`, read.error.offset);
  }
  return normalizeAttributes(read, meta, position);
}
