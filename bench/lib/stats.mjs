/**
 * Summaries of repeated measurements: the median is the figure, min and max
 * the spread, so one slow run on a noisy machine does not move the result.
 */

/** `{ median, min, max, runs, spreadPct, samples }` of a list of numbers. */
export function summarize(samples) {
  if (samples.length === 0) throw new Error('summarize: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const min = sorted[0];
  const max = sorted.at(-1);
  return { median, min, max, runs: samples.length, spreadPct: median ? ((max - min) / median) * 100 : 0, samples };
}

/** A duration for people: `850 ms`, `7.42 s`. */
export function formatMs(ms) {
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(0)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** A value in its unit: ms as a duration, MB and MB/s with one decimal. */
export function formatValue(value, unit) {
  if (unit === 'ms') return formatMs(value);
  return `${value.toFixed(value < 1000 ? 1 : 0)} ${unit}`;
}

/** `median (min–max, n=5)` for a summary in its unit. */
export function formatSummary(summary, unit) {
  const spread = summary.runs > 1 ? ` (${formatValue(summary.min, unit)}–${formatValue(summary.max, unit)}, n=${summary.runs})` : ' (n=1)';
  return `${formatValue(summary.median, unit)}${spread}`;
}
