import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { classifySection, type SectionRole } from './section-roles.js';

/** A heading and the blocks up to the next heading; `depth` 0 is the text before any heading. */
export interface SectionNode {
  index: number;
  title: string;
  depth: number;
  line: number;
  role: SectionRole;
  parent: SectionNode | null;
  children: SectionNode[];
  /** The blocks directly under this heading (not those under sub-headings). */
  blocks: RootContent[];
  /** Heading titles from the top, this one last. */
  path: string[];
}

/** Builds the heading tree of a document. Headings inside lists or quotes are content, not sections. */
export function buildSections(root: Root): SectionNode[] {
  const top: SectionNode = createSection(0, '', 0, 1, null);
  const all: SectionNode[] = [top];
  let current = top;
  for (const node of root.children) {
    if (node.type === 'yaml' || node.type === 'toml') continue;
    if (node.type !== 'heading') {
      current.blocks.push(node);
      continue;
    }
    let parent = current;
    while (parent.depth >= node.depth) parent = parent.parent!;
    current = createSection(all.length, headingTitle(node), node.depth, node.position!.start.line, parent);
    parent.children.push(current);
    all.push(current);
  }
  return all;
}

function createSection(index: number, title: string, depth: number, line: number, parent: SectionNode | null): SectionNode {
  return {
    index,
    title,
    depth,
    line,
    role: depth === 0 ? 'plain' : classifySection(title),
    parent,
    children: [],
    blocks: [],
    path: parent ? [...parent.path, title] : [],
  };
}

function headingTitle(node: Heading): string {
  // `## Overview {#overview}`: the `{#id}` of Hugo and Pandoc is the anchor, not the title.
  return toString(node).replace(/\s*\{#[\w:.-]+\}\s*$/, '').replace(/\s+/g, ' ').trim() || 'Untitled section';
}
