/**
 * The oracle for redaction, written the slow and obvious way: every occurrence
 * of every secret (found with indexOf at each position) covers its characters;
 * each run of overlapping occurrences becomes one marker.
 */
export function naiveRedact(text: string, secrets: readonly string[], marker = '[REDACTED]'): string {
  const intervals: [number, number][] = [];
  for (const secret of secrets) {
    if (secret === '') continue;
    for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) intervals.push([at, at + secret.length]);
  }
  intervals.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of intervals) {
    const last = merged[merged.length - 1];
    if (last && start < last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  let out = '';
  let position = 0;
  for (const [start, end] of merged) {
    out += text.slice(position, start) + marker;
    position = end;
  }
  return out + text.slice(position);
}

/** How much of `text` a stream must hold back: its longest suffix that is a proper prefix of some secret. */
export function naiveHoldLength(text: string, secrets: readonly string[]): number {
  let best = 0;
  for (const secret of secrets) {
    for (let length = Math.min(secret.length - 1, text.length); length > best; length--) {
      if (text.endsWith(secret.slice(0, length))) {
        best = length;
        break;
      }
    }
  }
  return best;
}
