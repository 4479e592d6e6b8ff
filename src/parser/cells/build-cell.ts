import type { Code, Html } from 'mdast';
import type { Attributes } from '../../model/attributes.js';
import type { Diagnostic } from '../../model/diagnostic.js';
import type { BlockClass, ExecutableLang, Placeholder } from '../../model/runbook.js';
import { parseFenceMeta, parseLitopsComment, mergeAttributeResults, type AttributesResult } from '../attributes/index.js';
import type { Expectation } from '../../model/expectation.js';
import type { SourceText } from '../markdown/source-text.js';
import { readFence } from '../markdown/fences.js';
import { classifyLanguage, isConsoleLanguage, suggestLanguage } from './classify-language.js';
import { splitConsoleBlock } from './console-block.js';
import { splitNumberedParts, looksLikeShell } from '../shell/index.js';
import { looksLikeSql } from '../sql/index.js';

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
 * shell block. Indented code is not a cell (returns []). Problems go to `diagnostics`.
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
  const info = node.lang ?? null;
  const langOverride = attributes.lang ? classifyLanguage(attributes.lang) : null;
  const kind = langOverride ?? classifyLanguage(info);
  if (!kind && info) {
    const suggestion = suggestLanguage(info);
    if (suggestion) diagnostics.push({ severity: 'warning', rule: 'language-typo', message: `unknown language "${info}" is shown, not run; did you mean "${suggestion}"?`, line: start.line, column: start.column });
  }
  const base = {
    node,
    info,
    line: start.line,
    sourceLine: start.line + 1,
    column: start.column,
    endLine: end.line,
    part: null,
    expectedOutput: null,
    block: 'command' as BlockClass,
    dialect: null,
    placeholders: [],
    attributes,
    expectations,
  };
  if (!kind) {
    const guess = info ? null : guessLanguage(node.value);
    return [{ ...base, lang: info ? info.toLowerCase() : 'text', executable: false, guess, block: guess ? 'command' : 'reference', source: node.value }];
  }
  if (kind === 'shell' && isConsoleLanguage(info)) return [buildConsoleDraft(base, node.value, diagnostics)];
  const parts = kind === 'shell' && !attributes.name ? splitNumberedParts(node.value) : null;
  if (!parts) return [{ ...base, lang: kind, executable: true, guess: null, source: node.value }];
  return parts.map((part, i) => ({
    ...base,
    lang: kind,
    executable: true,
    guess: null,
    source: part.source,
    sourceLine: base.sourceLine + part.line - 1,
    part: { index: i + 1, count: parts.length, title: part.title },
  }));
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

function buildConsoleDraft(base: Omit<CellDraft, 'lang' | 'executable' | 'guess' | 'source'>, value: string, diagnostics: Diagnostic[]): CellDraft {
  const split = splitConsoleBlock(value);
  if (split.firstCommandLine < 0) {
    diagnostics.push({ severity: 'info', rule: 'console-without-prompt', message: 'console block has no `$ ` prompt lines: shown as expected output, not run', line: base.line, column: base.column });
    return { ...base, lang: 'shell', executable: false, guess: null, block: 'output', source: '', expectedOutput: value };
  }
  return {
    ...base,
    lang: 'shell',
    executable: true,
    guess: null,
    source: split.commands,
    sourceLine: base.sourceLine + split.firstCommandLine,
    expectedOutput: split.expectedOutput,
  };
}

function guessLanguage(value: string): ExecutableLang | null {
  if (!value.trim()) return null;
  if (looksLikeSql(value)) return 'sql';
  if (looksLikeShell(value)) return 'shell';
  return null;
}
