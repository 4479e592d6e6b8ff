import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { showControls } from '../../model/terminal/show-control.js';
import { renderBlocks } from './prose-blocks.js';
import type { ProseLine } from './prose-line.js';
import { wrapSegments } from './wrap-prose.js';

export type { ProseLine, ProseSegment } from './prose-line.js';

const processor = unified().use(remarkParse).use(remarkGfm);
const FALLBACK_WIDTH = 80;
const MAX_WIDTH = 10_000;

/**
 * Markdown (CommonMark + GFM) as styled lines for the terminal, word-wrapped
 * to `width` columns (wide characters count two): headings, paragraphs,
 * lists and task lists, quotes, code blocks (cut, never wrapped), tables,
 * rules; a blank line between blocks, none at the end. Control characters are
 * shown inert. Never throws: should rendering fail, the text is shown plain.
 */
export function renderProse(markdown: string, width: number): ProseLine[] {
  const columns = Number.isNaN(width) ? FALLBACK_WIDTH : Math.min(MAX_WIDTH, Math.max(1, Math.floor(width)));
  try {
    return trimTrailingBlank(renderBlocks(processor.parse(String(markdown)).children, columns));
  } catch {
    return renderPlain(markdown, columns);
  }
}

function renderPlain(markdown: string, width: number): ProseLine[] {
  try {
    const lines = showControls(String(markdown))
      .split('\n')
      .flatMap((line) => {
        const wrapped = wrapSegments([{ text: line }], width);
        return wrapped.length > 0 ? wrapped : [[]];
      });
    return trimTrailingBlank(lines);
  } catch {
    return [];
  }
}

function trimTrailingBlank(lines: ProseLine[]): ProseLine[] {
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.every((segment) => segment.text.trim() === '')) end--;
  return end === lines.length ? lines : lines.slice(0, end);
}
