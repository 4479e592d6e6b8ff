/** A value read from an env file: where it ends, or why it could not be read. */
export type EnvValueResult = { value: string; nextLine: number } | { error: string; nextLine: number };

const DOUBLE_QUOTED_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/**
 * Reads the value that starts at `rest` (the text after `=` on line `index`),
 * continuing onto the following lines for a quoted value that spans lines.
 * Single quotes are literal; double quotes understand `\n \r \t \" \\` (any
 * other backslash is kept as written); an unquoted value ends at a `#` that
 * follows whitespace and is trimmed. Nothing is expanded (`$X` stays `$X`).
 */
export function parseEnvValue(lines: readonly string[], index: number, rest: string): EnvValueResult {
  const body = rest.trimStart();
  if (body.startsWith("'")) return readQuoted(lines, index, body.slice(1), "'");
  if (body.startsWith('"')) return readQuoted(lines, index, body.slice(1), '"');
  return { value: stripInlineComment(rest).trim(), nextLine: index + 1 };
}

function stripInlineComment(text: string): string {
  const comment = /\s#/.exec(text);
  return comment ? text.slice(0, comment.index) : text;
}

function readQuoted(lines: readonly string[], index: number, first: string, quote: "'" | '"'): EnvValueResult {
  let value = '';
  let text = first;
  for (let line = index; ; ) {
    const scan = quote === "'" ? scanSingle(text) : scanDouble(text);
    value += scan.value;
    if (scan.end !== -1) return finishQuoted(value, text.slice(scan.end + 1), line, quote);
    line += 1;
    if (line >= lines.length) {
      const kind = quote === "'" ? 'single' : 'double';
      return { error: `unterminated ${kind}-quoted value: no closing ${quote} before the end of the file`, nextLine: lines.length };
    }
    value += '\n';
    text = lines[line] ?? '';
  }
}

function finishQuoted(value: string, after: string, line: number, quote: string): EnvValueResult {
  if (/^\s*(#.*)?$/.test(after)) return { value, nextLine: line + 1 };
  return { error: `unexpected text after the closing ${quote} (quote the whole value, or start a comment with " #")`, nextLine: line + 1 };
}

/** Text up to the closing quote, and its index in `text` (-1 when the line has none). */
function scanSingle(text: string): { value: string; end: number } {
  const end = text.indexOf("'");
  return end === -1 ? { value: text, end } : { value: text.slice(0, end), end };
}

function scanDouble(text: string): { value: string; end: number } {
  let value = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '"') return { value, end: i };
    if (char === '\\' && i + 1 < text.length) {
      const next = text[i + 1] as string;
      value += DOUBLE_QUOTED_ESCAPES[next] ?? `\\${next}`;
      i += 1;
    } else {
      value += char;
    }
  }
  return { value, end: -1 };
}
