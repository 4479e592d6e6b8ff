/**
 * What command output looks like, as data: a block under a shell or SQL label
 * that has one of these shapes holds no command, only what one printed.
 */
export interface OutputShape {
  /** What the diagnostic calls it. */
  kind: string;
  /** The first meaningful line must match (null: any line may). */
  first?: RegExp;
  /** Some line must match. */
  some?: RegExp;
  /** Share of meaningful lines that must match `line`. */
  line?: RegExp;
  share?: number;
}

export const OUTPUT_SHAPES: readonly OutputShape[] = [
  // psql result: a header over a `----+----` rule, or a `(3 rows)` footer.
  { kind: 'a psql result', some: /^\s*-{2,}(?:\+-{2,})+\s*$|^\s*\(\d+ rows?\)\s*$|^\s*-\[ RECORD \d+ \]-*/ },
  // mysql result tables.
  { kind: 'a mysql result', first: /^\s*\+(?:-+\+)+\s*$/ },
  // `kubectl get`-style tables: upper-case column names two or more spaces apart.
  { kind: 'a table of command output', first: /^\s*[A-Z][A-Z0-9_()./-]*(?: [A-Z][A-Z0-9_()./-]*)?(?:\s{2,}(?:[A-Z][A-Z0-9_()./%-]*(?: [A-Z][A-Z0-9_()./-]*)?|\.{3}|…))+\s*$/ },
  // Rows of data: ids, numbers or comma-separated fields where a command name would be.
  { kind: 'rows of data', line: /^\s*(?:[0-9a-f]{8,}\b|\d+(?:[.,:/]\d+)*(?:\s|,|$)|[\w.-]+,\s)/, share: 0.8 },
  // Log lines that start with a timestamp or a level.
  { kind: 'log output', line: /^\s*(?:(?:level|ts|time|lvl)=\S+\s+\w+=|\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d|\[?\d\d:\d\d:\d\d|[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\[?(?:INFO|WARN|WARNING|ERROR|DEBUG|FATAL|TRACE)\]?[\s:])/, share: 0.6 },
  // Error messages as printed.
  { kind: 'a list of files', line: /^\s*[~.]?\/[\w.@/-]+\.(?:log|txt|conf|json|ya?ml|pem|crt|key|db|sql|gz|tar)\s*$/, share: 1 },
  { kind: 'an error message', first: /^\s*(?:"[^"]+":\s+\w|Error(?: from server)?(?: \([\w]+\))?:|ERROR:|FATAL:|E\d{4} \d\d:\d\d|error: |panic: |Traceback \(most recent call last\))/ },
];

/** The kind of output `lines` look like, or null. */
export function detectOutput(lines: readonly string[]): string | null {
  const meaningful = lines.filter((line) => line.trim() !== '');
  if (meaningful.length === 0) return null;
  for (const shape of OUTPUT_SHAPES) {
    if (shape.first && !shape.first.test(meaningful[0]!)) continue;
    if (shape.some && !meaningful.some((line) => shape.some!.test(line))) continue;
    if (shape.line && meaningful.filter((line) => shape.line!.test(line)).length / meaningful.length < (shape.share ?? 0.8)) continue;
    return shape.kind;
  }
  return null;
}
