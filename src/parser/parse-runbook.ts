import { createHash } from 'node:crypto';
import type { Root } from 'mdast';
import type { Diagnostic } from '../model/diagnostic.js';
import type { FrontMatter } from '../model/front-matter.js';
import { RUNBOOK_SCHEMA_VERSION, type Runbook, type Section } from '../model/runbook.js';
import { parseFrontMatter } from './front-matter/index.js';
import { loadSqlParser } from './sql/index.js';
import { parseMarkdown } from './markdown/parse-markdown.js';
import { createSourceText, stripBom, type SourceText } from './markdown/source-text.js';
import { buildSections, type SectionNode } from './graph/sections.js';
import { readSectionMetadata } from './graph/metadata.js';
import { collectSteps, type StepDraft } from './graph/collect-steps.js';
import { collectChecklists, type Checklists } from './graph/collect-checklists.js';
import { assignSectionIds } from './graph/section-ids.js';
import { assembleGraph } from './graph/assemble.js';
import { collectManualSteps } from './graph/collect-manual-steps.js';

/** Options of {@link parseRunbook}. */
export interface ParseRunbookOptions {
  /** The file's path, recorded as given (default: null). */
  path?: string | null;
  /** The file's exact bytes, for `sha256` (default: the UTF-8 encoding of `text`). */
  bytes?: Uint8Array;
}

/** The result of parsing: the graph, whose `diagnostics` are also returned on their own. */
export interface ParseRunbookResult {
  runbook: Runbook;
  diagnostics: Diagnostic[];
}

/**
 * Markdown → step graph. Pure apart from loading the PostgreSQL parser once:
 * no file or network I/O, no clock. Problems in the text are diagnostics, never exceptions.
 */
export async function parseRunbook(text: string, options: ParseRunbookOptions = {}): Promise<ParseRunbookResult> {
  await loadSqlParser();
  return parseRunbookSync(text, options);
}

/** {@link parseRunbook} for callers that have already awaited `loadSqlParser()`. */
export function parseRunbookSync(text: string, options: ParseRunbookOptions = {}): ParseRunbookResult {
  const bytes = options.bytes ?? new TextEncoder().encode(text);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // Lines and columns are the same with \n alone; cells must not carry \r into bash.
  const body = stripBom(text).replace(/\r\n?/g, '\n');
  const source = createSourceText(body);
  const root = parseMarkdown(body);
  const diagnostics: Diagnostic[] = [];
  const { frontMatter, frontMatterLine } = readFrontMatter(root, diagnostics);
  const sections = buildSections(root);
  const sectionIds = assignSectionIds(sections);
  const context = { source, diagnostics };
  const steps: StepDraft[] = [];
  const checklists: Checklists = { criteria: [], prerequisites: [], guidance: [] };
  const metadata = new Map<SectionNode, Record<string, string>>();
  for (const section of sections) {
    metadata.set(section, readSectionMetadata(section, source));
    steps.push(...collectSteps(section, context));
    const found = collectChecklists(section, diagnostics);
    checklists.criteria.push(...found.criteria);
    checklists.prerequisites.push(...found.prerequisites);
    checklists.guidance.push(...found.guidance);
  }
  steps.push(...collectManualSteps(sections, steps, source));
  const title = frontMatter.title ?? findTitle(sections, options.path ?? null);
  const sectionList: Section[] = sections.slice(1).map((section) => ({
    id: sectionIds.get(section)!,
    title: section.title,
    depth: section.depth,
    line: section.line,
    parent: section.parent && section.parent.depth > 0 ? sectionIds.get(section.parent)! : null,
    metadata: metadata.get(section)!,
  }));
  const graph = assembleGraph({ title, steps, checklists, sectionIds, metadata, frontMatter, frontMatterLine, diagnostics });
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  const runbook: Runbook = {
    schemaVersion: RUNBOOK_SCHEMA_VERSION,
    title,
    path: options.path ?? null,
    sha256,
    frontMatter,
    sections: sectionList,
    ...graph,
    diagnostics,
  };
  return { runbook, diagnostics };
}

function readFrontMatter(root: Root, diagnostics: Diagnostic[]): { frontMatter: FrontMatter; frontMatterLine: number } {
  const first = root.children[0];
  if (first?.type !== 'yaml' && first?.type !== 'toml') {
    return { frontMatter: parseFrontMatter('', 'yaml', 1).frontMatter, frontMatterLine: 1 };
  }
  const startLine = first.position!.start.line + 1;
  const parsed = parseFrontMatter(first.value, first.type, startLine);
  diagnostics.push(...parsed.diagnostics);
  return { frontMatter: parsed.frontMatter, frontMatterLine: startLine };
}

function findTitle(sections: readonly SectionNode[], path: string | null): string {
  const heading = sections.find((s) => s.depth === 1) ?? sections[1];
  if (heading) return heading.title;
  if (path) return path.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return 'Untitled runbook';
}

export type { SourceText };
