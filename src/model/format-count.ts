/**
 * A count and its noun, singular for exactly one: `formatCount(1, 'cell')` is
 * "1 cell", `formatCount(2, 'criterion', 'criteria')` is "2 criteria".
 * @param many The plural; default: `one` with an "s".
 */
export function formatCount(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
