import type { CellStatus, CellStop, EventSink, RunEvent, RunTimeout } from '../../model/events.js';
import type { ExpectationActual, ExpectationResult } from '../../model/expectation.js';
import type { Cell, Runbook } from '../../model/runbook.js';
import type { ShellSession } from '../shell/index.js';
import type { SqlSessions } from '../sql/index.js';
import type { Redactor } from '../secrets/index.js';

/** How one cell attempt went, as later cells, criteria and the driver need it. */
export interface CellOutcome {
  cell: Cell;
  /** Unique in the run (names the out files). */
  attempt: number;
  /** This cell's own attempt: 1 on its first run, 2 on its first retry. */
  cellAttempt: number;
  status: CellStatus;
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  expectations: Array<ExpectationResult & { source: string }>;
  error: string | null;
  /** Its timeout ended it. */
  timedOut: boolean;
  /** A blocking cell ended on purpose (its timeout, the operator's Ctrl-C): done, not failed. */
  stopped: CellStop | null;
  /** What checks on this cell are evaluated against (redacted, bounded). */
  actual: ExpectationActual;
  tail: string;
}

/** Where SQL targets come from (see `resolveTarget`). */
export interface TargetOptions {
  connections: Record<string, { url: string }>;
  db: string | null;
  env: Record<string, string | undefined>;
  sandbox: boolean;
  dataDir: string;
}

/**
 * Everything a run shares between cells: the sessions, the values of variables
 * (secrets included: never emitted), the redactor, and the event sink. The
 * unattended driver and the TUI both run cells through it.
 */
export interface RunContext {
  runId: string;
  runbook: Runbook;
  /** Inputs by name, then captures as cells make them. */
  values: Record<string, string>;
  captures: Record<string, string>;
  redactor: Redactor;
  /** Secret values so far (captures of secret-named variables are added). */
  secrets: string[];
  shell: ShellSession;
  sql: SqlSessions;
  targets: TargetOptions;
  /** Per-cell timeout of the cells that set none, and what set it (see `resolveRunTimeout`). */
  timeout: RunTimeout;
  emit: EventSink;
  now: () => Date;
  /** Attempts started in the run (each numbers its out files). */
  attempts: number;
  /** The latest outcome of each cell that ran. */
  results: Map<string, CellOutcome>;
}

/** The RFC 3339 UTC timestamp of an event. */
export function stamp(context: Pick<RunContext, 'now'>): string {
  return context.now().toISOString();
}

/** Emits an event built without `ts`. */
export async function emitEvent<E extends RunEvent>(context: Pick<RunContext, 'now' | 'emit'>, event: Omit<E, 'ts'>): Promise<void> {
  await context.emit({ ...event, ts: stamp(context) } as E);
}
