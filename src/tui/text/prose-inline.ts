import type { Nodes } from 'mdast';
import { showControls } from '../../model/terminal/show-control.js';
import type { ProseSegment, ProseStyle } from './prose-line.js';

/** Inline content as logical lines (split at hard breaks) of styled segments; text made inert. */
export function collectInline(nodes: readonly Nodes[], style: ProseStyle = {}): ProseSegment[][] {
  const lines: ProseSegment[][] = [[]];
  for (const node of nodes) addInline(lines, node, style);
  return lines;
}

/** Inline content as one run of segments, hard breaks read as spaces (for table cells). */
export function collectInlineFlat(nodes: readonly Nodes[], style: ProseStyle = {}): ProseSegment[] {
  return collectInline(nodes, style).flatMap((line, index) => (index === 0 ? line : [{ ...style, text: ' ' }, ...line]));
}

function addInline(lines: ProseSegment[][], node: Nodes, style: ProseStyle): void {
  const push = (text: string, extra: ProseStyle = {}): void => {
    lines.at(-1)!.push({ ...style, ...extra, text: showControls(text) });
  };
  const addChildren = (children: readonly Nodes[], extra: ProseStyle): void => {
    for (const child of children) addInline(lines, child, { ...style, ...extra });
  };
  switch (node.type) {
    case 'text':
      return push(node.value);
    case 'emphasis':
      return addChildren(node.children, { italic: true });
    case 'strong':
      return addChildren(node.children, { bold: true });
    case 'delete':
      return addChildren(node.children, { dim: true });
    case 'inlineCode':
      return push(node.value, { code: true });
    case 'break':
      lines.push([]);
      return;
    case 'link':
      addChildren(node.children, { link: true });
      if (!isSameAddress(getPlainText(node.children), node.url)) push(` (${node.url})`, { dim: true });
      return;
    case 'linkReference':
      return addChildren(node.children, { link: true });
    case 'image':
      return push(`[image: ${node.alt ?? ''}]${node.url ? ` (${node.url})` : ''}`, { dim: true });
    case 'imageReference':
      return push(`[image: ${node.alt ?? ''}]`, { dim: true });
    case 'footnoteReference':
      return push(`[^${node.label ?? node.identifier}]`, { dim: true });
    case 'html':
      return push(node.value, { dim: true });
    default:
      if ('children' in node) addChildren(node.children, {});
      else if ('value' in node && typeof node.value === 'string') push(node.value);
  }
}

/** The text of inline nodes, without styles. */
function getPlainText(nodes: readonly Nodes[]): string {
  return nodes
    .map((node) => ('children' in node ? getPlainText(node.children) : 'value' in node && typeof node.value === 'string' ? node.value : ''))
    .join('');
}

/** Whether a link's text already says where it goes (autolinks, `www.` links, mail addresses). */
function isSameAddress(text: string, url: string): boolean {
  // Only schemes that autolinks add are ignored: `[alert](javascript:alert)` still shows where it goes.
  const normalize = (value: string): string => value.trim().replace(/^(?:https?:\/\/|mailto:)/i, '').replace(/\/$/, '');
  return text === url || normalize(text) === normalize(url);
}
