const NUMBER = /(?<![\w.])[-+]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?/g;
const PSQL_FOOTER = /^\(\d+ rows?\)$/;

/**
 * The last number printed in `text`, which is what `value` means for a shell
 * cell: `0.234` in "time_total: 0.234s", `85` in "disk 85%". Digits glued to a
 * word (`http2`, `v1`) are not numbers, and psql's row-count footer
 * (`(1 row)`) is skipped so that `psql -c "select count(*) ..."` yields the
 * count. Returns null when nothing numeric was printed.
 */
export function extractLastNumber(text: string): number | null {
  const lines = text.split(/\r?\n/).filter((line) => !PSQL_FOOTER.test(line.trim()));
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const matches = (lines[index] as string).match(NUMBER);
    const last = matches?.[matches.length - 1];
    if (last !== undefined && Number.isFinite(Number(last))) return Number(last);
  }
  return null;
}
