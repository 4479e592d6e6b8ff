import type { EventOf, RunEvent } from '../../model/events.js';

/** What changed between the recorded run and its replay. */
export type DriftKind = 'status' | 'exit-code' | 'expectation' | 'criterion' | 'stdout' | 'stderr';

/** One change: in a cell (or, for `criterion`, a criterion), from the recorded value to the replay's. */
export interface DriftRow {
  /** The cell id, or the criterion id for `criterion`. */
  id: string;
  kind: DriftKind;
  /** `expectation`: its source (`stdout contains "x"`); else null. */
  detail: string | null;
  /**
   * Status (`passed`, `failed`, `timed-out`, `cancelled`, `error`, or `skipped`,
   * `not run`), exit code, `passed`/`failed`, criterion result, or the output's hex
   * sha256. Null when that side has none (the expectation or criterion was absent).
   */
  before: string | number | null;
  after: string | number | null;
  /** `stdout`/`stderr`: the byte counts, else absent. */
  bytes?: { before: number; after: number };
  /** True for every kind but output digests, which are reported without failing. */
  failing: boolean;
}

/** The drift of a replay, and what was compared. */
export interface DriftReport {
  rows: DriftRow[];
  /** Cells compared (every cell either run planned, ran or skipped) and criteria bound to a check compared. */
  compared: { cells: number; criteria: number };
  /** Criteria a person (or an answers file) decided: not reproducible unattended, so not compared. */
  manualCriteria: string[];
  /** True when any row fails: exit codes, statuses, expectations or criteria differ. */
  drift: boolean;
  /** True when an output digest differs (never with `ignoreOutput`). */
  outputDrift: boolean;
}

/** Options of {@link computeDrift}. */
export interface DriftOptions {
  /** Do not compare stdout/stderr digests (default false). */
  ignoreOutput?: boolean;
}

interface CellState {
  status: string;
  end: EventOf<'cell.end'> | null;
}

/**
 * Compares two runs of the same plan, cell by cell (each cell's last attempt):
 * status, exit code, each expectation (by its source) and the stdout/stderr
 * digests; then each criterion bound to a check. Pure: events in, rows out.
 */
export function computeDrift(before: readonly RunEvent[], after: readonly RunEvent[], options: DriftOptions = {}): DriftReport {
  const was = collectCells(before);
  const now = collectCells(after);
  const rows: DriftRow[] = [];
  const ids = [...new Set([...was.keys(), ...now.keys()])];
  for (const id of ids) rows.push(...compareCell(id, was.get(id), now.get(id), options));
  const criteria = compareCriteria(collectCriteria(before), collectCriteria(after));
  rows.push(...criteria.rows);
  return {
    rows,
    compared: { cells: ids.length, criteria: criteria.compared },
    manualCriteria: criteria.manual,
    drift: rows.some((row) => row.failing),
    outputDrift: rows.some((row) => !row.failing),
  };
}

function collectCells(events: readonly RunEvent[]): Map<string, CellState> {
  const cells = new Map<string, CellState>();
  for (const event of events) {
    if (event.type === 'run.start') for (const id of event.plan) cells.set(id, { status: 'not run', end: null });
    if (event.type === 'decision' && event.action === 'skip' && event.cell !== null && !cells.get(event.cell)?.end) cells.set(event.cell, { status: 'skipped', end: null });
    if (event.type === 'cell.end') cells.set(event.cell, { status: event.status, end: event });
  }
  return cells;
}

function compareCell(id: string, was: CellState | undefined, now: CellState | undefined, options: DriftOptions): DriftRow[] {
  const rows: DriftRow[] = [];
  const row = (kind: DriftKind, before: DriftRow['before'], after: DriftRow['after'], detail: string | null = null): DriftRow => ({ id, kind, detail, before, after, failing: kind !== 'stdout' && kind !== 'stderr' });
  const before = was ?? { status: 'not run', end: null };
  const after = now ?? { status: 'not run', end: null };
  // Skipped or never reached: either way the cell did not run, which is no drift.
  if (before.status !== after.status && (before.end || after.end)) rows.push(row('status', before.status, after.status));
  if (!before.end || !after.end) return rows;
  if (before.end.exitCode !== after.end.exitCode) rows.push(row('exit-code', before.end.exitCode, after.end.exitCode));
  const results = (end: EventOf<'cell.end'>) => new Map(end.expectations.map((e) => [e.source, e.passed ? 'passed' : 'failed']));
  const expected = results(before.end);
  const got = results(after.end);
  for (const source of new Set([...expected.keys(), ...got.keys()])) {
    if (expected.get(source) !== got.get(source)) rows.push(row('expectation', expected.get(source) ?? null, got.get(source) ?? null, source));
  }
  if (options.ignoreOutput) return rows;
  for (const stream of ['stdout', 'stderr'] as const) {
    const a = before.end[stream];
    const b = after.end[stream];
    if (a.sha256 !== b.sha256) rows.push({ ...row(stream, a.sha256, b.sha256), bytes: { before: a.bytes, after: b.bytes } });
  }
  return rows;
}

function collectCriteria(events: readonly RunEvent[]): Map<string, EventOf<'criterion'>> {
  return new Map(events.flatMap((event) => (event.type === 'criterion' ? [[event.criterion, event] as const] : [])));
}

function compareCriteria(was: Map<string, EventOf<'criterion'>>, now: Map<string, EventOf<'criterion'>>): { rows: DriftRow[]; compared: number; manual: string[] } {
  const rows: DriftRow[] = [];
  const manual: string[] = [];
  let compared = 0;
  for (const id of new Set([...was.keys(), ...now.keys()])) {
    const a = was.get(id);
    const b = now.get(id);
    if (a?.by !== 'check' && b?.by !== 'check') {
      manual.push(id);
      continue;
    }
    compared++;
    if (a?.result !== b?.result) rows.push({ id, kind: 'criterion', detail: null, before: a?.result ?? null, after: b?.result ?? null, failing: true });
  }
  return { rows, compared, manual };
}
