import { getNodeType, Op, parseShell, walkNodes } from '../shell/syntax.js';
import { createSourceMap } from '../shell/source-map.js';
import type { ShNode, ShWord } from 'mvdan-sh';
import { analyzeSql } from '../sql/index.js';
import { isWellKnownVariable } from '../shell/well-known-variables.js';

/** A `<placeholder>` found in a command, at a string index of the text searched. */
export interface FoundPlaceholder {
  name: string;
  text: string;
  index: number;
}

/** `<namespace>`, `<pod-name>`, `<YOUR_TOKEN>`, `<backup dir>`: up to four words inside angle brackets. */
const PLACEHOLDER = /(?<![<\w$\\])<([A-Za-z][\w.:/-]*(?: [\w.:/-]+){0,3})>(?!>)/g;
/** Markup, not placeholders. */
const MARKUP = new Set(['br', 'hr', 'p', 'b', 'i', 'u', 'em', 'strong', 'none', 'nil', 'null', 'unknown', 'empty', 'eof']);

/**
 * The input a placeholder becomes: `<pod-name>` → `POD_NAME`. A name the
 * environment already gives every process gets `_VALUE` (`<user>` → `USER_VALUE`),
 * so that the login's `$USER` never fills in a database user unasked.
 */
export function nameOfPlaceholder(inner: string): string {
  const name = inner.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (!name) return '';
  const word = /^[0-9]/.test(name) ? `_${name}` : name;
  return isWellKnownVariable(word) ? `${word}_VALUE` : word;
}

/** The `<placeholder>` words of a text, in order. */
export function findPlaceholders(text: string): FoundPlaceholder[] {
  const found: FoundPlaceholder[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const inner = match[1]!;
    // `<br>`, and any tag that the text closes (`<script>…</script>`), is markup.
    if (MARKUP.has(inner.toLowerCase()) || text.includes(`</${inner}>`)) continue;
    const name = nameOfPlaceholder(inner);
    if (name) found.push({ name, text: match[0], index: match.index });
  }
  return found;
}

/**
 * Rewrites placeholders in shell source into reads of their inputs, quoted for
 * where they stand, so that a value is never read as code: `"${NAME}"` in a
 * plain word, `${NAME}` inside double quotes or an unquoted here-document,
 * `'"${NAME}"'` inside single quotes. Where bash cannot expand (a quoted
 * here-document), the placeholder stays as written and is listed in `unexpanded`.
 */
export function rewriteShellPlaceholders(source: string, found: readonly FoundPlaceholder[]): { source: string; unexpanded: FoundPlaceholder[] } {
  if (found.length === 0) return { source, unexpanded: [] };
  // Same length, so indexes hold: `<pod-name>` → `_pod-name_`, a plain word to the parser.
  let masked = source;
  for (const placeholder of found) {
    masked = masked.slice(0, placeholder.index) + `_${placeholder.text.slice(1, -1)}_` + masked.slice(placeholder.index + placeholder.text.length);
  }
  const contexts = findQuoteContexts(masked);
  const unexpanded: FoundPlaceholder[] = [];
  let out = '';
  let from = 0;
  found.forEach((placeholder) => {
    const context = contexts.find((c) => c.start <= placeholder.index && placeholder.index < c.end)?.kind ?? 'plain';
    const replacement = context === 'single' ? `'"\${${placeholder.name}}"'` : context === 'double' || context === 'heredoc' ? `\${${placeholder.name}}` : context === 'quoted-heredoc' ? null : `"\${${placeholder.name}}"`;
    if (replacement === null) unexpanded.push(placeholder);
    out += source.slice(from, placeholder.index) + (replacement ?? placeholder.text);
    from = placeholder.index + placeholder.text.length;
  });
  return { source: out + source.slice(from), unexpanded };
}

interface QuoteContext {
  start: number;
  end: number;
  kind: 'single' | 'double' | 'heredoc' | 'quoted-heredoc';
}

/** Ranges of quoted text, innermost last, from the real shell parser (none when it does not parse). */
function findQuoteContexts(source: string): QuoteContext[] {
  const parsed = parseShell(source);
  if (!parsed.file) return [];
  const map = createSourceMap(source);
  const contexts: QuoteContext[] = [];
  const range = (node: ShNode) => ({ start: map.locate(node.Pos()).index, end: map.locate(node.End()).index });
  walkNodes(parsed.file, (node) => {
    const type = getNodeType(node);
    if (type === 'SglQuoted') contexts.push({ ...range(node), kind: 'single' });
    else if (type === 'DblQuoted') contexts.push({ ...range(node), kind: 'double' });
    else if (type === 'Redirect' && (Number(node.Op) === Op.hdoc || Number(node.Op) === Op.dashHdoc) && node.Hdoc) {
      const delimiter = (node.Word as ShWord | null)?.Parts ?? [];
      const quoted = delimiter.some((part) => getNodeType(part) !== 'Lit' || String(part.Value).includes('\\'));
      contexts.push({ ...range(node.Hdoc as ShNode), kind: quoted ? 'quoted-heredoc' : 'heredoc' });
    }
  }, () => {});
  // Innermost first: a later (nested) range wins over the one around it.
  return contexts.sort((a, b) => (b.start - a.start) || (a.end - b.end));
}

/**
 * Rewrites placeholders in SQL into psql variables: `:'NAME'` (a quoted literal)
 * where a value fits, `:"NAME"` (a quoted identifier) where the parser needs a
 * name (`DROP TABLE <table>`); inside a string literal, the literal becomes the variable.
 */
export function rewriteSqlPlaceholders(source: string, found: readonly FoundPlaceholder[]): string {
  const quoting: Array<'string' | 'literal' | 'identifier'> = found.map((placeholder) => {
    const inString = source[placeholder.index - 1] === "'" && source[placeholder.index + placeholder.text.length] === "'";
    return inString ? 'string' : 'literal';
  });
  const render = (choice: readonly string[]): string => {
    let out = '';
    let from = 0;
    found.forEach((placeholder, i) => {
      const inString = choice[i] === 'string';
      const before = source.slice(from, placeholder.index);
      out += (inString ? before.slice(0, -1) : before) + (choice[i] === 'identifier' ? `:"${placeholder.name}"` : `:'${placeholder.name}'`);
      from = placeholder.index + placeholder.text.length + (inString ? 1 : 0);
    });
    return out + source.slice(from);
  };
  // Literal first; where the parser then needs a name (`DROP TABLE <table>`), an identifier.
  const errorAt = (text: string): number => {
    const error = analyzeSql(text).error;
    return error ? error.line * 1e6 + error.column : Infinity;
  };
  let best = errorAt(render(quoting));
  found.forEach((_, i) => {
    if (best === Infinity || quoting[i] === 'string') return;
    const tried = quoting.map((q, j) => (j === i ? 'identifier' : q));
    const at = errorAt(render(tried));
    if (at > best) {
      quoting[i] = 'identifier';
      best = at;
    }
  });
  return render(quoting);
}
