import { summarize } from './stats.mjs';

/**
 * One line of the table: litops against one anchor (or against a bound, for
 * memory), the ratio of their medians and whether the target is met.
 *
 * target.kind:
 * - 'max-ratio': litops / anchor must be at most `value` (times: lower is better);
 * - 'min-ratio': litops / anchor must be at least `value` (throughputs: higher is better);
 * - 'max-value': litops itself must stay under `value` (peak memory, in its unit).
 */
export function makeRow({ figure, workload, unit = 'ms', litops, anchor = null, target, notes = [], extra = {} }) {
  const mine = { label: litops.label, ...summarize(litops.values) };
  const theirs = anchor ? { label: anchor.label, ...summarize(anchor.values) } : null;
  const ratio = theirs && target.kind !== 'max-value' ? mine.median / theirs.median : null;
  const met =
    target.kind === 'max-ratio' ? ratio <= target.value : target.kind === 'min-ratio' ? ratio >= target.value : mine.median < target.value && mine.max < target.value;
  return { figure, workload, unit, litops: mine, anchor: theirs, ratio, target, met, notes, ...extra };
}

/** A row for a figure that could not be measured: shown in the table, never counted as met. */
export function makeErrorRow({ figure, workload, target }, error) {
  return { figure, workload, unit: 'ms', litops: null, anchor: null, ratio: null, target, met: false, error: String(error?.message ?? error).split('\n')[0], notes: [] };
}

/** Milliseconds from a list of `timeCommand` results. */
export function msOf(results) {
  return results.map((result) => result.ms);
}

/** Peak RSS in MB from a list of `timeCommand` results measured with `rss`. */
export function peakMbOf(results) {
  return results.map((result) => result.peakRssKB / 1024);
}
