import type { Code, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { SourceLine } from './split-lines.js';

/** A fenced code block as the report needs it. Lines are 1-based, as in the step graph. */
export interface FenceBlock {
  /** Line of the opening fence (a cell's `line`). */
  line: number;
  /** The block's last line: its closing fence, or its last content line when unclosed. */
  lastLine: number;
  closed: boolean;
  /** The opening fence as written (```` ``` ````, `~~~~`). */
  marker: string;
  /** What inserted lines start with to stay in the fence's container: `> ` kept, list markers as spaces. */
  prefix: string;
}

/** Where front matter ends (0: none) and where every fenced block is. */
export interface MarkdownLayout {
  frontMatterEndLine: number;
  fences: FenceBlock[];
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

/** Reads the layout the way the parser does (CommonMark + GFM + front matter), from `body` without its BOM. */
export function readLayout(body: string, lines: readonly SourceLine[]): MarkdownLayout {
  const root: Root = processor.parse(body.replace(/\r\n?/g, '\n'));
  const first = root.children[0];
  const frontMatterEndLine = first?.type === 'yaml' || first?.type === 'toml' ? first.position!.end.line : 0;
  const fences: FenceBlock[] = [];
  visit(root, 'code', (node: Code) => {
    const fence = readFence(node, lines);
    if (fence) fences.push(fence);
  });
  return { frontMatterEndLine, fences };
}

function readFence(node: Code, lines: readonly SourceLine[]): FenceBlock | null {
  const { start, end } = node.position!;
  const opening = lines[start.line - 1]?.text ?? '';
  const marker = /^(`{3,}|~{3,})/.exec(opening.slice(start.column - 1))?.[1];
  if (!marker) return null;
  // The node may end at the start of the line after its last one.
  const endLine = end.line > start.line && end.column === 1 ? end.line - 1 : end.line;
  const closed = isClosed(node, marker, endLine, lines);
  // An unclosed block's node also spans blank lines after its content that are not part of it.
  const lastLine = closed ? endLine : start.line + (node.value === '' ? 0 : node.value.split('\n').length);
  const prefix = opening.slice(0, start.column - 1).replace(/[^>\t]/g, ' ');
  return { line: start.line, lastLine, closed, marker, prefix };
}

function isClosed(node: Code, marker: string, endLine: number, lines: readonly SourceLine[]): boolean {
  const startLine = node.position!.start.line;
  if (endLine === startLine) return false;
  const closing = new RegExp(`^[ \\t>]*${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
  if (!closing.test(lines[endLine - 1]?.text ?? '')) return false;
  // A content line can look like a closing fence (more indented, or deeper in a quote): count the content lines.
  return node.value === '' || node.value.split('\n').length === endLine - startLine - 1;
}
