import type { Blockquote, List, Nodes } from 'mdast';
import { showControls } from '../../model/terminal/show-control.js';
import { collectInline } from './prose-inline.js';
import { joinBlocks, prefixLines, type ProseLine, type ProseStyle } from './prose-line.js';
import { renderTable } from './prose-table.js';
import { cutToWidth, getTextWidth } from './text-width.js';
import { wrapSegments } from './wrap-prose.js';

/** The narrowest column left for content before indentation (list items, quotes, code) is given up. */
const MIN_CONTENT_WIDTH = 4;
const CODE_INDENT = '  ';
const CODE_TAB_STOP = 4;
const QUOTE_PREFIX: ProseLine = [{ text: '│ ', dim: true }];

/** Block nodes rendered one after another, with a blank line between them when `spread`. */
export function renderBlocks(nodes: readonly Nodes[], width: number, spread = true): ProseLine[] {
  return joinBlocks(nodes.map((node) => renderBlock(node, width)), spread);
}

function renderBlock(node: Nodes, width: number): ProseLine[] {
  switch (node.type) {
    case 'heading':
      return renderInline(node.children, width, { bold: true, heading: true });
    case 'paragraph':
      return renderInline(node.children, width);
    case 'list':
      return renderList(node, width);
    case 'blockquote':
      return renderQuote(node, width);
    case 'code':
      return renderCode(node.value, width);
    case 'thematicBreak':
      return [[{ text: '─'.repeat(width), dim: true }]];
    case 'table':
      return renderTable(node, width);
    case 'html':
      return renderDim(node.value, width);
    case 'definition':
      return renderDim(`[${node.label ?? node.identifier}]: ${node.url}`, width);
    case 'footnoteDefinition':
      return renderItem(`[^${node.label ?? node.identifier}]: `, node.children, width, false);
    default:
      if ('children' in node) return renderBlocks(node.children, width);
      return 'value' in node && typeof node.value === 'string' ? renderDim(node.value, width) : [];
  }
}

function renderInline(nodes: readonly Nodes[], width: number, style: ProseStyle = {}): ProseLine[] {
  return collectInline(nodes, style).flatMap((line) => wrapSegments(line, width));
}

function renderDim(text: string, width: number): ProseLine[] {
  return showControls(text)
    .split('\n')
    .flatMap((line) => wrapSegments([{ text: line, dim: true }], width));
}

/** Items marked `•` or `1.` (numbers aligned), tasks `[x]` / `[ ]`; a loose list gets blank lines between items. */
function renderList(list: List, width: number): ProseLine[] {
  const loose = Boolean(list.spread) || list.children.some((item) => item.spread);
  const start = list.start ?? 1;
  const numbers = list.children.map((_, index) => (list.ordered ? `${start + index}.` : '•'));
  const numberWidth = numbers.reduce((most, number) => Math.max(most, number.length), 0);
  const items = list.children.map((item, index) => {
    const task = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : '';
    return renderItem(`${numbers[index]!.padStart(numberWidth)} ${task}`, item.children, width, loose);
  });
  return joinBlocks(items, loose);
}

/** Content after a marker, continuation lines indented under it; too narrow, the marker goes on a line of its own. */
function renderItem(marker: string, children: readonly Nodes[], width: number, spread: boolean): ProseLine[] {
  const markerWidth = getTextWidth(marker);
  const markerLine = (): ProseLine[] => wrapSegments([{ text: marker }], width);
  if (width - markerWidth < MIN_CONTENT_WIDTH) return [...markerLine(), ...renderBlocks(children, width, spread)];
  const content = renderBlocks(children, width - markerWidth, spread);
  if (content.length === 0) return markerLine();
  return prefixLines(content, [{ text: marker }], [{ text: ' '.repeat(markerWidth) }]);
}

function renderQuote(quote: Blockquote, width: number): ProseLine[] {
  const prefixWidth = getTextWidth(QUOTE_PREFIX[0]!.text);
  if (width - prefixWidth < MIN_CONTENT_WIDTH) return renderBlocks(quote.children, width);
  return prefixLines(renderBlocks(quote.children, width - prefixWidth), QUOTE_PREFIX, QUOTE_PREFIX);
}

/** Code as written: indented, tabs expanded, never wrapped; a line too wide is cut with `…`. */
function renderCode(value: string, width: number): ProseLine[] {
  const indent = width - CODE_INDENT.length >= MIN_CONTENT_WIDTH ? CODE_INDENT : '';
  const room = width - indent.length;
  return showControls(value)
    .split('\n')
    .map((line) => {
      const text = expandTabs(line);
      if (text === '') return [];
      const shown = getTextWidth(text) <= room ? text : `${cutToWidth(text, room - 1)}…`;
      return indent === '' ? [{ text: shown, code: true }] : [{ text: indent }, { text: shown, code: true }];
    });
}

function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let expanded = '';
  let column = 0;
  line.split('\t').forEach((part, index) => {
    if (index > 0) {
      const spaces = CODE_TAB_STOP - (column % CODE_TAB_STOP);
      expanded += ' '.repeat(spaces);
      column += spaces;
    }
    expanded += part;
    column += getTextWidth(part);
  });
  return expanded;
}
