import type { ShLit, ShNode, ShWord } from 'mvdan-sh';
import { getNodeType } from './syntax.js';
import type { SourceMap } from './source-map.js';

/** A run of rendered text and where its first character sits in the source (-1 when unknown). */
export interface Piece {
  text: string;
  start: number;
  /** True when every character of `text` is the source character at the same distance from `start`. */
  exact: boolean;
}

/** A word as the command receives it: quotes removed, escapes resolved, expansions kept verbatim. */
export interface RenderedWord {
  text: string;
  /** True when some part expands at run time (`$X`, `$(cmd)`, `$((1+1))`). */
  dynamic: boolean;
  pieces: Piece[];
}

/** How backslashes behave where a literal sits. */
type QuoteContext = 'none' | 'double' | 'heredoc' | 'raw';

const escapable: Record<QuoteContext, RegExp> = {
  none: /\\([\s\S])/g,
  double: /\\([$`"\\\n])/g,
  heredoc: /\\([$`\\\n])/g,
  raw: /(?!)/g,
};

/** Literal text of a word, or null when part of it expands at run time. */
export function getStaticText(word: ShNode | null | undefined): string | null {
  if (word === null || word === undefined) return null;
  const rendered = renderWord(word);
  return rendered.dynamic ? null : rendered.text;
}

/** Renders a `Word` (or a heredoc body with `context: 'heredoc' | 'raw'`). */
export function renderWord(word: ShNode, map?: SourceMap, context: QuoteContext = 'none'): RenderedWord {
  const result: RenderedWord = { text: '', dynamic: false, pieces: [] };
  for (const part of (word as ShWord).Parts ?? []) renderPart(part, context, map, result);
  return result;
}

/** Source index of the character at `offset` in the rendered text (approximate after escapes). */
export function locateRenderedOffset(rendered: RenderedWord, offset: number): number {
  let seen = 0;
  for (const piece of rendered.pieces) {
    if (offset < seen + piece.text.length || piece === rendered.pieces.at(-1)) {
      if (piece.start < 0) return -1;
      return piece.exact ? piece.start + Math.max(offset - seen, 0) : piece.start;
    }
    seen += piece.text.length;
  }
  return -1;
}

function renderPart(part: ShNode, context: QuoteContext, map: SourceMap | undefined, out: RenderedWord): void {
  const type = getNodeType(part);
  const startOf = (node: ShNode, skip = 0): number => (map ? map.locate(node.Pos()).index + skip : -1);
  if (type === 'Lit') {
    const raw = (part as ShLit).Value;
    const text = raw.replace(escapable[context], (_, char: string) => (char === '\n' ? '' : char));
    push(out, { text, start: startOf(part), exact: text === raw });
  } else if (type === 'SglQuoted') {
    const dollar = part.Dollar === true;
    const raw = String(part.Value);
    const text = dollar ? decodeAnsiC(raw) : raw;
    push(out, { text, start: startOf(part, dollar ? 2 : 1), exact: text === raw });
  } else if (type === 'DblQuoted') {
    for (const inner of (part.Parts as ShNode[] | undefined) ?? []) renderPart(inner, 'double', map, out);
  } else {
    // Expansions (ParamExp, CmdSubst, ArithmExp, ProcSubst, ExtGlob) stay as written.
    const text = map ? map.textOf(part) : '';
    out.dynamic = true;
    push(out, { text, start: startOf(part), exact: map !== undefined });
  }
}

function push(out: RenderedWord, piece: Piece): void {
  out.text += piece.text;
  out.pieces.push(piece);
}

const ansiC: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v' };

/** The common escapes of `$'...'`; rarer ones (`\x41`, `\u00e9`) are decoded too. */
function decodeAnsiC(raw: string): string {
  return raw.replace(/\\(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|[0-7]{1,3}|[\s\S])/g, (_, esc: string) => {
    if (/^[xu]/.test(esc) && esc.length > 1) return String.fromCodePoint(parseInt(esc.slice(1), 16));
    if (/^[0-7]+$/.test(esc)) return String.fromCodePoint(parseInt(esc, 8));
    return ansiC[esc] ?? esc;
  });
}
