import { createHash } from 'node:crypto';

/**
 * The HTML comments that wrap every block the Markdown report inserts:
 *
 *     <!-- litops:output report=1f2e3d4c cell=db%2Fcheck attempt=2 -->
 *     ...
 *     <!-- /litops:output report=1f2e3d4c -->
 *
 * `report` is a nonce that occurs nowhere in the runbook or in any inserted
 * text, so a runbook (or a command's output) that happens to contain
 * litops-looking comments is never mistaken for a report's own blocks.
 */
export type BlockKind = 'header' | 'output' | 'note';

/** A block to insert, without markers or container prefix. */
export interface InsertedBlock {
  kind: BlockKind;
  /** Shown in the start marker; values are percent-encoded there. */
  attributes: Array<[string, string]>;
  lines: string[];
}

/** A marker line read back: `closesFence` when the line before it is a closing fence the report added. */
export interface ParsedMarker {
  end: boolean;
  kind: BlockKind;
  nonce: string;
  closesFence: boolean;
}

const MARKER = /^[ \t>]*<!-- (\/?)litops:(header|output|note) report=([0-9a-f]{8})((?: [^ ]+)*) -->$/;

export function formatStartMarker(block: InsertedBlock, nonce: string, closesFence: boolean): string {
  const attributes = block.attributes.map(([key, value]) => ` ${key}=${encodeURIComponent(value).replace(/%2F/g, '/')}`).join('');
  return `<!-- litops:${block.kind} report=${nonce}${attributes}${closesFence ? ' closes-fence' : ''} -->`;
}

export function formatEndMarker(kind: BlockKind, nonce: string): string {
  return `<!-- /litops:${kind} report=${nonce} -->`;
}

/** Reads a line as a marker, or null. Any container prefix (`> `, spaces) may precede it. */
export function parseMarker(line: string): ParsedMarker | null {
  const match = MARKER.exec(line);
  if (!match) return null;
  const attributes = match[4]!.split(' ');
  return { end: match[1] === '/', kind: match[2] as BlockKind, nonce: match[3]!, closesFence: attributes.includes('closes-fence') };
}

/**
 * A deterministic nonce (from the runbook's bytes) that occurs in none of `texts`
 * (the runbook and every inserted line), so the report is reproducible.
 */
export function chooseNonce(bytes: Uint8Array, texts: readonly string[]): string {
  let seed = createHash('sha256').update(bytes).digest('hex');
  for (;;) {
    const nonce = seed.slice(0, 8);
    if (!texts.some((text) => text.includes(`report=${nonce}`))) return nonce;
    seed = createHash('sha256').update(seed).digest('hex');
  }
}
