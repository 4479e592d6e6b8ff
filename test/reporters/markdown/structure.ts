import type { Html, Parent, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Runbook } from '../../../src/model/runbook.js';

/**
 * What inserting blocks must not change: the executable cells (their sources,
 * in order), which of them share a step, and how many criteria there are. Ids
 * may change (an inserted reference block is a cell too), and so may the text
 * of a criterion whose list item holds a cell (its output is in the item now).
 */
export function describeStructure(runbook: Runbook): { sources: string[]; groups: number[]; criteria: number } {
  const cells = runbook.cells.filter((cell) => cell.executable);
  const stepNumbers = new Map<string, number>();
  const groups = cells.map((cell) => {
    if (!stepNumbers.has(cell.step)) stepNumbers.set(cell.step, stepNumbers.size);
    return stepNumbers.get(cell.step)!;
  });
  return { sources: cells.map((cell) => cell.source), groups, criteria: runbook.criteria.length };
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

/**
 * Where each inserted cell block landed, read from the report's mdast: the node
 * before its start marker (a cell's fence, or the block before it) and whether its
 * end marker is a sibling (the block did not leak out of the list item or quote).
 */
export function describeInsertedBlocks(report: string): Array<{ after: string; parent: string; closed: boolean }> {
  const body = report.charCodeAt(0) === 0xfeff ? report.slice(1) : report;
  const nonce = /<!-- litops:header report=([0-9a-f]{8}) -->/.exec(body)?.[1] ?? 'none';
  // A tab that a container only partly uses leaves spaces in front of the HTML.
  const start = new RegExp(`^\\s*<!-- litops:(output|note) report=${nonce} `);
  const end = new RegExp(`^\\s*<!-- /litops:(output|note) report=${nonce} `);
  const found: Array<{ after: string; parent: string; closed: boolean }> = [];
  const walk = (parent: Parent): void => {
    parent.children.forEach((node, index) => {
      if (node.type === 'html' && start.test(node.value)) {
        const previous = parent.children[index - 1];
        const after = previous?.type === 'html' && end.test((previous as Html).value) ? 'block' : (previous?.type ?? 'nothing');
        const closed = parent.children.slice(index + 1).some((next) => next.type === 'html' && end.test((next as Html).value));
        found.push({ after, parent: parent.type, closed });
      }
      if ('children' in node) walk(node as Parent);
    });
  };
  walk(processor.parse(body.replace(/\r\n?/g, '\n')) as Root);
  return found;
}

