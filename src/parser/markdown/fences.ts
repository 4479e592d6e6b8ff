import type { Code } from 'mdast';
import type { SourceText } from './source-text.js';

/** What the source says about a `code` node's fence (mdast does not keep it). */
export interface FenceInfo {
  /** False for indented code, which is never a cell. */
  fenced: boolean;
  /** The fence as written, e.g. "```" or "~~~~". */
  marker: string;
  /** False when the fence runs to the end of its container (CommonMark allows it). */
  closed: boolean;
}

const CONTAINER_PREFIX = /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?/;

/** Reads the fence of a code node from the source lines at its start and end. */
export function readFence(node: Code, source: SourceText): FenceInfo {
  const start = node.position!.start;
  const opening = source.lineAt(start.line).slice(start.column - 1);
  const marker = /^(`{3,}|~{3,})/.exec(opening)?.[1];
  if (!marker) return { fenced: false, marker: '', closed: true };
  const endLine = node.position!.end.line;
  if (endLine === start.line) return { fenced: true, marker, closed: false };
  const last = source.lineAt(endLine).replace(CONTAINER_PREFIX, '').trim();
  const char = marker[0]!;
  const closed = last.length >= marker.length && [...last].every((c) => c === char);
  return { fenced: true, marker, closed };
}
