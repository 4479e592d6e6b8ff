import type { Code, Html, ListItem, Nodes, Paragraph, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { SourceText } from '../markdown/source-text.js';

/** A code node with the `<!-- litops: ... -->` comment right before it, if any. */
export interface CodeWithComment {
  code: Code;
  comment: Html | null;
}

const LITOPS_COMMENT = /^<!--\s*litops\s*:/i;

/** True for an HTML node that is a litops attribute comment. */
export function isLitopsComment(node: Nodes | undefined): node is Html {
  return node?.type === 'html' && LITOPS_COMMENT.test(node.value.trim());
}

/** Every code node below `node`, in document order, each with its preceding litops comment. */
export function findCodeNodes(node: Nodes): CodeWithComment[] {
  const found: CodeWithComment[] = [];
  const visit = (parent: Nodes): void => {
    if (!('children' in parent)) return;
    const children = parent.children as Nodes[];
    children.forEach((child, i) => {
      if (child.type === 'code') {
        const previous = children[i - 1];
        found.push({ code: child, comment: isLitopsComment(previous) ? previous : null });
      } else {
        visit(child);
      }
    });
  };
  visit(node);
  return found;
}

/** The exact source of a node, continuation lines dedented by the node's start column. */
export function sliceSource(node: Nodes, source: SourceText): string {
  const { start, end } = node.position!;
  const raw = source.text.slice(start.offset, end.offset);
  const indent = start.column - 1;
  if (indent === 0) return raw;
  return raw
    .split('\n')
    .map((line, i) => (i === 0 ? line : line.replace(new RegExp(`^[ \\t]{0,${indent}}`), '')))
    .join('\n');
}

/** Markdown prose of blocks, skipping code and litops comments (code is shown as cells). */
export function collectProse(blocks: readonly Nodes[], source: SourceText): string {
  return blocks
    .filter((node) => node.type !== 'code' && !isLitopsComment(node))
    .map((node) => sliceSource(node, source).trimEnd())
    .filter(Boolean)
    .join('\n\n');
}

/** Plain text of a paragraph without inline HTML (attribute comments), whitespace folded. */
export function plainText(node: Paragraph | RootContent): string {
  if (!('children' in node)) return toString(node).trim();
  const kept = (node.children as Nodes[]).filter((child) => child.type !== 'html');
  return kept.map((child) => toString(child)).join('').replace(/\s+/g, ' ').trim();
}

/** A list item's title: its bold lead text, else its first sentence, else null. */
export function titleOfListItem(item: ListItem): string | null {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return null;
  const lead = first.children[0];
  if (lead?.type === 'strong') {
    const bold = toString(lead).replace(/\s+/g, ' ').trim().replace(/[:.]$/, '').trim();
    if (bold) return bold;
  }
  return firstSentence(plainText(first));
}

/** The first sentence of some text, at most 80 characters, trailing colon dropped. */
export function firstSentence(text: string): string | null {
  const sentence = (/^(.+?[.!?])(?:\s|$)/.exec(text)?.[1] ?? text).replace(/[:.]$/, '').trim();
  if (!sentence) return null;
  return sentence.length > 80 ? `${sentence.slice(0, 77)}...` : sentence;
}

/** The inline litops comment inside a list item's first paragraph, if any. */
export function findInlineLitopsComment(item: ListItem): Html | null {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return null;
  return (first.children.find((child) => isLitopsComment(child as Nodes)) as Html | undefined) ?? null;
}
