import type { ItemStatus } from '../state/index.js';

/** The outline's status marks: a glyph and a colour per status, readable without colour too. */
export const STATUS_MARK: Record<ItemStatus, { glyph: string; color: string | undefined }> = {
  pending: { glyph: '·', color: undefined },
  running: { glyph: '▶', color: 'yellow' },
  passed: { glyph: '✓', color: 'green' },
  failed: { glyph: '✗', color: 'red' },
  skipped: { glyph: '↷', color: 'gray' },
};

/** `1m 05s`, `3.2s`, `120ms`. */
export function formatElapsed(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  return minutes < 60 ? `${minutes}m ${String(seconds).padStart(2, '0')}s` : `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

/** A text cut to `width` columns with an ellipsis (for labels we build; cell output is cut by Ink). */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}
