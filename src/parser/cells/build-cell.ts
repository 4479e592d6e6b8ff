import type { Code, Html } from 'mdast';
import type { Attributes } from '../../model/attributes.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { BlockClass, ExecutableLang, Placeholder } from '../../model/runbook.js';
import { parseFenceMeta, parseLitopsComment, mergeAttributeResults, type AttributesResult } from '../attributes/index.js';
import type { Expectation } from '../../model/expectation.js';
import type { SourceText } from '../markdown/source-text.js';
import { readFence } from '../markdown/fences.js';
import { classifyLanguage, isConsoleLanguage, suggestLanguage } from './classify-language.js';
import { splitNumberedParts } from '../shell/index.js';
import { classifyBlock } from '../blocks/classify-block.js';
import { findPlaceholders, rewriteShellPlaceholders, rewriteSqlPlaceholders } from '../blocks/placeholders.js';

/** A cell before it is given an id and a step: what the block says on its own. */
export interface CellDraft {
  node: Code;
  lang: string;
  info: string | null;
  executable: boolean;
  guess: ExecutableLang | null;
  source: string;
  line: number;
  sourceLine: number;
  /** Column (1-based) at which the block's content starts in the file. */
  column: number;
  endLine: number;
  /** File line of each line of `source` (prompts and output lines are left out of it). */
  fileLines: number[];
  part: { index: number; count: number; title: string } | null;
  expectedOutput: string | null;
  block: BlockClass;
  dialect: string | null;
  placeholders: Placeholder[];
  attributes: Attributes;
  /** The parsed `expect` attributes (invalid ones were reported and left out). */
  expectations: Expectation[];
}

/**
 * Turns one fenced block into one cell, or into one cell per numbered part of a
 * shell block. The block is read as its author meant it (see `classifyBlock`):
 * prompts removed, output, configuration and other dialects set aside, and
 * `<placeholders>` turned into inputs. Indented code is not a cell (returns []).
 */
export function buildCellDrafts(node: Code, comment: Html | null, source: SourceText, diagnostics: Diagnostic[]): CellDraft[] {
  const fence = readFence(node, source);
  if (!fence.fenced) return [];
  const start = node.position!.start;
  const end = node.position!.end;
  if (!fence.closed) {
    diagnostics.push({ severity: 'warning', rule: 'unclosed-fence', message: `code fence ${fence.marker} is never closed; it runs to the end of its container (line ${end.line})`, line: start.line, column: start.column });
  }
  const { attributes, expectations } = readAttributes(node, comment, source, diagnostics);
  const label = readLabel(node.lang ?? null, node.meta ?? null);
  const info = label.info;
  const langOverride = attributes.lang ? classifyLanguage(attributes.lang) : null;
  const kind = langOverride ?? classifyLanguage(info);
  if (!kind && info) {
    const suggestion = suggestLanguage(info);
    if (suggestion) diagnostics.push({ severity: 'warning', rule: 'language-typo', message: `unknown language "${info}" is shown, not run; did you mean "${suggestion}"?`, line: start.line, column: start.column });
  }
  const reading = classifyBlock(node.value, { info, kind, console: isConsoleLanguage(info), declaredPrompt: label.declaredPrompt });
  if (reading.note) diagnostics.push({ ...reading.note, line: start.line, column: start.column });
  const contentLine = start.line + 1;
  const base = {
    node,
    info,
    line: start.line,
    column: start.column,
    endLine: end.line,
    part: null,
    expectedOutput: reading.expectedOutput,
    block: reading.block,
    dialect: reading.dialect,
    attributes,
    expectations,
    lang: reading.lang,
    executable: reading.executable,
    guess: reading.guess,
  };
  const runs = reading.executable || reading.guess !== null;
  const parts = runs && kind === 'shell' && reading.expectedOutput === null && !attributes.name ? splitNumberedParts(reading.source) : null;
  const pieces = parts
    ? parts.map((part, i) => ({ source: part.source, firstLine: part.line - 1, part: { index: i + 1, count: parts.length, title: part.title } }))
    : [{ source: reading.source, firstLine: 0, part: null }];
  return pieces.map((piece) => {
    const fileLines = piece.source.split('\n').map((_, i) => contentLine + (reading.sourceLines[piece.firstLine + i] ?? piece.firstLine + i));
    const draft: CellDraft = { ...base, source: piece.source, sourceLine: fileLines[0] ?? contentLine, fileLines, part: piece.part, placeholders: [] };
    if (attributes.placeholders === false) return draft;
    if (runs) return applyPlaceholders(draft, diagnostics, true);
    return reading.block === 'transcript' ? applyPlaceholders(draft, diagnostics, false) : draft;
  });
}

/**
 * The fence's language, also when written the MkDocs way (`{.bash data-prompt="$"}`,
 * which CommonMark splits into the language `{.bash` and the rest).
 */
function readLabel(lang: string | null, meta: string | null): { info: string | null; declaredPrompt: string | null } {
  const text = `${lang ?? ''} ${meta ?? ''}`;
  const declaredPrompt = /\bdata-prompt="([^"]*)"/.exec(text)?.[1] ?? null;
  if (lang?.startsWith('{')) return { info: /^\{\s*\.([\w+-]+)/.exec(text)?.[1] ?? null, declaredPrompt };
  return { info: lang, declaredPrompt };
}

/** `<namespace>` → the input NAMESPACE, read safely quoted (see `rewriteShellPlaceholders`). */
function applyPlaceholders(draft: CellDraft, diagnostics: Diagnostic[], rewrite: boolean): CellDraft {
  const found = findPlaceholders(draft.source);
  if (found.length === 0) return draft;
  const lang = draft.executable ? draft.lang : draft.guess;
  const locate = (index: number) => {
    const before = draft.source.slice(0, index).split('\n');
    return { line: draft.fileLines[before.length - 1] ?? draft.sourceLine, column: draft.column + before.at(-1)!.length };
  };
  const placeholders: Placeholder[] = [];
  for (const placeholder of found) {
    if (!placeholders.some((p) => p.name === placeholder.name)) placeholders.push({ name: placeholder.name, text: placeholder.text, ...locate(placeholder.index) });
  }
  if (!rewrite) return { ...draft, placeholders };
  let rewritten = draft.source;
  if (lang === 'shell') {
    const result = rewriteShellPlaceholders(draft.source, found);
    rewritten = result.source;
    for (const placeholder of result.unexpanded) {
      diagnostics.push({ severity: 'warning', rule: 'placeholder-not-expanded', message: `placeholder ${placeholder.text} is inside a quoted here-document, where the shell cannot put a value: replace it by hand`, ...locate(placeholder.index) });
    }
  } else if (lang === 'sql') {
    rewritten = rewriteSqlPlaceholders(draft.source, found);
  }
  const first = placeholders[0]!;
  diagnostics.push({ severity: 'info', rule: 'placeholder', message: `${placeholders.map((p) => `${p.text} is the input ${p.name}`).join(', ')}: asked for before the cell runs (--set ${first.name}=... in CI)`, line: first.line, column: first.column });
  return { ...draft, source: rewritten, placeholders };
}

function readAttributes(node: Code, comment: Html | null, source: SourceText, diagnostics: Diagnostic[]): AttributesResult {
  const meta = readRawMeta(node, source);
  const fromMeta = parseFenceMeta(meta?.text ?? null, meta?.position ?? node.position!.start);
  diagnostics.push(...fromMeta.diagnostics);
  const fromComment = comment ? parseLitopsComment(comment.value, comment.position!.start) : null;
  if (!fromComment) return fromMeta;
  diagnostics.push(...fromComment.diagnostics);
  return mergeAttributeResults(fromComment, fromMeta);
}

/**
 * The fence's meta as written, and where it starts. Not mdast's `meta`: CommonMark
 * unescapes info strings, which would turn `expect="x \"y\""` into broken quoting.
 */
function readRawMeta(node: Code, source: SourceText): { text: string; position: { line: number; column: number } } | null {
  if (!node.meta) return null;
  const { line, column } = node.position!.start;
  const opening = source.lineAt(line).slice(column - 1);
  const match = /^(?:`{3,}|~{3,})[ \t]*\S*[ \t]+(.*?)\s*$/.exec(opening);
  if (!match?.[1]) return { text: node.meta, position: { line, column } };
  return { text: match[1], position: { line, column: column + opening.indexOf(match[1]) } };
}
