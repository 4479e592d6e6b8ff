const SPACE = /\s/;

/**
 * Returns a function that narrows `[start, end)` past surrounding whitespace
 * and comments, so a statement's text starts at its first word and stops at
 * its last (the parser's extents include trailing comments and spaces).
 */
export function createSpanTrimmer(
  text: string,
  comments: ReadonlyArray<readonly [number, number]>,
): (start: number, end: number) => readonly [number, number] {
  const endOf = new Map(comments.map(([from, to]) => [from, to]));
  const startOf = new Map(comments.map(([from, to]) => [to, from]));
  return (start, end) => {
    let from = start;
    let to = end;
    for (;;) {
      while (from < to && SPACE.test(text[from] ?? '')) from++;
      const skip = endOf.get(from);
      if (skip === undefined || skip > to) break;
      from = skip;
    }
    for (;;) {
      while (to > from && SPACE.test(text[to - 1] ?? '')) to--;
      const back = startOf.get(to);
      if (back === undefined || back < from) break;
      to = back;
    }
    return [from, to];
  };
}
