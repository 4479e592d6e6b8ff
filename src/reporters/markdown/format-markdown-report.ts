import { LitopsError } from '../../model/errors.js';
import type { RunRecord } from '../run-record/index.js';
import { chooseNonce, formatEndMarker, formatStartMarker } from './markers.js';
import { placeBlocks, type Insertion } from './place-blocks.js';
import { readLayout } from './read-layout.js';
import { splitBom, splitLines, type SourceLine } from './split-lines.js';
import { stripInsertedBlocks } from './strip-inserted-blocks.js';

/**
 * The Markdown report: the runbook, byte for byte, with blocks inserted and
 * nothing else changed — a header after the front matter, and after each cell
 * that ran its output and status (or why it was skipped), each wrapped in
 * `<!-- litops:... -->` markers so that {@link stripInsertedBlocks} gives the
 * runbook back. Blocks use the runbook's line endings and stay inside the
 * list item or blockquote of their cell. Pure.
 *
 * Throws a `LitopsError` (`markdown-report-roundtrip`) if the report would not
 * strip back to the runbook, which would be a bug here, never a property of the input.
 */
export function formatMarkdownReport(record: RunRecord): string {
  const original = new TextDecoder('utf-8', { ignoreBOM: true }).decode(record.runbookBytes);
  const { bom, body } = splitBom(original);
  const lines = splitLines(body);
  const insertions = placeBlocks(record, readLayout(body, lines));
  const inserted = insertions.flatMap((insertion) => insertion.blocks.flatMap((block) => block.lines));
  const nonce = chooseNonce(record.runbookBytes, [body, ...inserted]);
  const defaultEol = lines.find((line) => line.eol)?.eol ?? '\n';
  let report = bom;
  let next = 0;
  for (const insertion of insertions) {
    report += lines.slice(next, insertion.before).map((line) => line.text + line.eol).join('');
    report += renderInsertion(insertion, lines, nonce, defaultEol);
    next = insertion.before;
  }
  report += lines.slice(next).map((line) => line.text + line.eol).join('');
  if (stripInsertedBlocks(report) !== original) {
    throw new LitopsError('markdown-report-roundtrip', 'the Markdown report does not strip back to the runbook (a litops bug)');
  }
  return report;
}

function renderInsertion(insertion: Insertion, lines: readonly SourceLine[], nonce: string, defaultEol: string): string {
  const previous = lines[insertion.before - 1];
  const eol = previous?.eol || defaultEol;
  // Appended after a last line without a line ending: each block brings its own, first.
  const leading = insertion.before === lines.length && previous !== undefined && previous.eol === '';
  return insertion.blocks
    .map((block, index) => {
      const closes = index === 0 && insertion.closeFence !== null;
      const blockLines = [
        ...(closes ? [insertion.closeFence!] : []),
        formatStartMarker(block, nonce, closes),
        ...block.lines.flatMap((line) => line.split(/\r\n|\r|\n/)),
        formatEndMarker(block.kind, nonce),
      ].map((line) => (line === '' ? insertion.prefix.trimEnd() : insertion.prefix + line));
      return leading ? eol + blockLines.join(eol) : blockLines.join(eol) + eol;
    })
    .join('');
}
