import type { RunTimeout } from '../../model/events.js';
import type { Cell, Runbook } from '../../model/runbook.js';

/** The per-cell timeout of an unattended run when nothing sets one: 30 minutes, so CI never hangs for ever. */
export const DEFAULT_UNATTENDED_TIMEOUT_MS = 30 * 60 * 1000;

/**
 * The per-cell timeout of the cells that set none: the runbook's front matter
 * `timeout`, else `--timeout`, else 30 minutes in an unattended run and none in
 * the terminal UI (the operator has Ctrl-C). The more specific wins, as a cell's
 * own `timeout` wins over all of them. A `timeout` of 0 means none.
 */
export function resolveRunTimeout(runbook: Runbook, optionMs: number | null, mode: 'ci' | 'interactive'): RunTimeout {
  const frontMatter = runbook.frontMatter.timeout;
  if (frontMatter !== undefined) return { ms: frontMatter > 0 ? frontMatter : null, source: frontMatter > 0 ? 'front-matter' : 'none' };
  if (optionMs !== null) return { ms: optionMs, source: '--timeout' };
  return mode === 'ci' ? { ms: DEFAULT_UNATTENDED_TIMEOUT_MS, source: 'default' } : { ms: null, source: 'none' };
}

/** A cell's timeout: its own `timeout` attribute (0: none), else the run's. */
export function getCellTimeout(cell: Cell, run: RunTimeout): number | null {
  const own = cell.attributes.timeout;
  if (own !== undefined) return own > 0 ? own : null;
  return run.ms;
}

/** True when the cell's own `timeout` attribute bounds it (what lets a blocking cell run unattended). */
export function hasOwnTimeout(cell: Cell): boolean {
  return (cell.attributes.timeout ?? 0) > 0;
}
