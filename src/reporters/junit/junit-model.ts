/** A JUnit `<testcase>` before it is written as XML. Times are seconds. */
export interface JunitCase {
  classname: string;
  name: string;
  time: number;
  /** At most one outcome; none means it passed. */
  outcome: { kind: 'failure' | 'error'; message: string; type: string; body: string } | { kind: 'skipped'; message: string } | null;
  /** `<system-out>`, or null for none. */
  systemOut: string | null;
}

/** A JUnit `<testsuite>`: one per procedure. */
export interface JunitSuite {
  name: string;
  timestamp: string;
  hostname: string;
  properties: Array<[name: string, value: string]>;
  cases: JunitCase[];
}

/** Totals of a suite or of all suites, as the `tests`, `failures`, `errors`, `skipped` and `time` attributes say. */
export interface JunitTotals {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  time: number;
}

/** Counts the outcomes of `cases` and adds up their times. */
export function countJunitCases(cases: readonly JunitCase[]): JunitTotals {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.outcome?.kind === 'failure').length,
    errors: cases.filter((c) => c.outcome?.kind === 'error').length,
    skipped: cases.filter((c) => c.outcome?.kind === 'skipped').length,
    time: cases.reduce((sum, c) => sum + c.time, 0),
  };
}
