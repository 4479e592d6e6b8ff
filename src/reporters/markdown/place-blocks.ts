import type { CellRecord, RunRecord } from '../run-record/index.js';
import { getAttemptPrincipal } from '../shared/get-attempt-principal.js';
import { formatAttemptBlock } from './format-attempt-block.js';
import { formatCellNote } from './format-cell-note.js';
import { formatHeaderBlock } from './format-header-block.js';
import type { InsertedBlock } from './markers.js';
import type { MarkdownLayout } from './read-layout.js';

/** Blocks to insert before one line of the runbook (0-based; the line count means the end). */
export interface Insertion {
  before: number;
  /** Container prefix of every inserted line (blockquote markers, list indentation). */
  prefix: string;
  /** The fence to close first when the cell's block is unclosed, else null. */
  closeFence: string | null;
  blocks: InsertedBlock[];
}

/**
 * Where each block goes: the header (then cells the runbook does not have)
 * after the front matter; each cell's attempts and note after its fenced block,
 * inside the block's container. Parts of a split block share its insertion.
 */
export function placeBlocks(record: RunRecord, layout: MarkdownLayout): Insertion[] {
  const header: Insertion = { before: layout.frontMatterEndLine, prefix: '', closeFence: null, blocks: [formatHeaderBlock(record)] };
  const byFence = new Map<number, Insertion>();
  for (const cellRecord of record.cells) {
    const blocks = formatCellBlocks(record, cellRecord);
    if (blocks.length === 0) continue;
    const fence = layout.fences.find((candidate) => candidate.line === cellRecord.cell?.line);
    if (!fence) {
      header.blocks.push(...blocks);
      continue;
    }
    const insertion = byFence.get(fence.line) ?? { before: fence.lastLine, prefix: fence.prefix, closeFence: fence.closed ? null : fence.marker, blocks: [] };
    insertion.blocks.push(...blocks);
    byFence.set(fence.line, insertion);
  }
  return [header, ...byFence.values()].sort((a, b) => a.before - b.before);
}

function formatCellBlocks(record: RunRecord, cellRecord: CellRecord): InsertedBlock[] {
  const tries = cellRecord.attempts.length;
  const blocks = cellRecord.attempts.map((attempt, index) =>
    formatAttemptBlock(attempt, { cell: cellRecord.cell, principal: getAttemptPrincipal(record, attempt.attempt), tryNumber: index + 1, tries }),
  );
  const note = formatCellNote(cellRecord);
  return note ? [...blocks, note] : blocks;
}
