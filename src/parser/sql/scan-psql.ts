import type { PsqlQuoting } from './types.js';
import { findLineEnd, skipBlockComment, skipDollarQuoted, skipQuoted } from './skip-quoted.js';

/** A psql variable reference; `start` is the colon, `end` is just after the reference. */
export interface VariableToken {
  name: string;
  quoting: PsqlQuoting;
  start: number;
  end: number;
}

/** What psql's own lexer sees in a text: the parts that are not for the server's parser. */
export interface PsqlScan {
  variables: VariableToken[];
  /** `[start, end)` of each backslash meta-command, up to its line ending. */
  metaCommands: Array<readonly [number, number]>;
  /** Indices of the `;` that end statements (outside quotes, comments and parentheses), as psql splits. */
  semicolons: number[];
  /** `[start, end)` of each comment. */
  comments: Array<readonly [number, number]>;
  /** Indices of the backslash of each `\;` (psql's semicolon that does not send; here it ends a statement). */
  escapedSemicolons: number[];
}

const NAME = /[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*/y;
const QUOTED_NAME = /(['"])([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)\1/y;
const IDENT_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/;

function matchAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

/**
 * Reads `:name`, `:'name'` or `:"name"` at the colon `start`. `::` casts and `:=`
 * are not variables, nor is a bare `:name` right after a word or number, which
 * is an array slice bound such as `a[lo:hi]`.
 */
function readColon(text: string, start: number, variables: VariableToken[]): number {
  const next = text[start + 1];
  if (next === ':') return start + 2;
  const quoted = matchAt(QUOTED_NAME, text, start + 1);
  if (quoted) {
    const quoting = quoted[1] === "'" ? 'literal' : 'identifier';
    const end = start + 1 + quoted[0].length;
    variables.push({ name: quoted[2] ?? '', quoting, start, end });
    return end;
  }
  if (start > 0 && IDENT_CHAR.test(text[start - 1] ?? '')) return start + 1;
  const bare = matchAt(NAME, text, start + 1);
  if (!bare) return start + 1;
  variables.push({ name: bare[0], quoting: 'none', start, end: start + 1 + bare[0].length });
  return start + 1 + bare[0].length;
}

/** Lexes SQL text the way psql does before sending it (standard_conforming_strings on). */
export function scanPsql(text: string): PsqlScan {
  const scan: PsqlScan = { variables: [], metaCommands: [], semicolons: [], comments: [], escapedSemicolons: [] };
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    const start = i;
    if (text.startsWith('--', i)) {
      i = findLineEnd(text, i);
      scan.comments.push([start, i]);
    } else if (text.startsWith('/*', i)) {
      i = skipBlockComment(text, i);
      scan.comments.push([start, i]);
    } else if (c === "'" || c === '"') {
      i = skipQuoted(text, i, c, false);
    } else if (c === '$') {
      i = skipDollarQuoted(text, i) ?? i + 1;
    } else if (c === ':') {
      i = readColon(text, i, scan.variables);
    } else if (text.startsWith('\\;', i)) {
      scan.escapedSemicolons.push(i);
      scan.semicolons.push(i + 1);
      i += 2;
    } else if (c === '\\') {
      i = findLineEnd(text, i);
      scan.metaCommands.push([start, i]);
    } else if (IDENT_CHAR.test(c)) {
      while (i < text.length && IDENT_CHAR.test(text[i] ?? '')) i++;
      // E'...' is the only string form where backslashes escape.
      if (i - start === 1 && (c === 'E' || c === 'e') && text[i] === "'") i = skipQuoted(text, i, "'", true);
    } else {
      if (c === '(') depth++;
      else if (c === ')') depth = Math.max(0, depth - 1);
      else if (c === ';' && depth === 0) scan.semicolons.push(i);
      i++;
    }
  }
  return scan;
}
