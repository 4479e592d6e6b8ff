import { LitopsError } from '../../model/errors.js';
import { readLayout } from './read-layout.js';
import { parseMarker, type ParsedMarker } from './markers.js';
import { joinLines, splitBom, splitLines, type SourceLine } from './split-lines.js';

interface Region {
  first: number;
  last: number;
  closesFence: boolean;
}

/**
 * Removes every block a Markdown report inserted, giving back the runbook's
 * exact text (BOM, line endings and all). The report's nonce is read from its
 * header, which sits right after the front matter (or first); text that is not
 * a report comes back unchanged. Throws when a block's end marker is missing
 * (the report was cut or edited).
 */
export function stripInsertedBlocks(markdown: string): string {
  const { bom, body } = splitBom(markdown);
  const lines = splitLines(body);
  const nonce = findNonce(body, lines);
  if (nonce === null) return markdown;
  for (const region of findRegions(lines, nonce).reverse()) {
    const first = region.closesFence ? region.first - 1 : region.first;
    // A block appended to a last line without a line ending brought one with it.
    if (lines[region.last]!.eol === '' && first > 0) lines[first - 1]!.eol = '';
    lines.splice(first, region.last - first + 1);
  }
  return bom + joinLines(lines);
}

/** The nonce of the header block: the first header marker that follows the front matter at once (or is first). */
function findNonce(body: string, lines: readonly SourceLine[]): string | null {
  for (let index = 0; index < lines.length; index++) {
    const marker = parseMarker(lines[index]!.text);
    if (marker?.kind !== 'header' || marker.end) continue;
    if (index === 0) return marker.nonce;
    const before = lines.slice(0, index);
    const beforeText = body.slice(0, before.reduce((length, line) => length + line.text.length + line.eol.length, 0));
    if (readLayout(beforeText, before).frontMatterEndLine === index) return marker.nonce;
  }
  return null;
}

function findRegions(lines: readonly SourceLine[], nonce: string): Region[] {
  const regions: Region[] = [];
  let open: { at: number; marker: ParsedMarker } | null = null;
  for (let index = 0; index < lines.length; index++) {
    const marker = parseMarker(lines[index]!.text);
    if (!marker || marker.nonce !== nonce) continue;
    if (!open && !marker.end) open = { at: index, marker };
    else if (open && marker.end && marker.kind === open.marker.kind) {
      regions.push({ first: open.at, last: index, closesFence: open.marker.closesFence });
      open = null;
    } else throw broken(`unexpected marker at line ${index + 1}`);
  }
  if (open) throw broken(`the block opened at line ${open.at + 1} has no end marker`);
  return regions;
}

function broken(why: string): LitopsError {
  return new LitopsError('markdown-report-broken', `not an intact litops Markdown report: ${why}`);
}
