import type { VerifyReport } from '../../journal/index.js';
import type { CellStatus, EventOf, SqlStatementResult } from '../../model/events.js';
import type { Cell, Criterion, Runbook } from '../../model/runbook.js';

/** One attempt at a cell: its `cell.start`, its `cell.end` (null when cut off), and its out files. */
export interface AttemptRecord {
  /** The `n` of `out/<n>.stdout`, unique in the run. */
  attempt: number;
  cellId: string;
  start: EventOf<'cell.start'>;
  /** Null when the attempt never ended (a crash, a kill, an abort). */
  end: EventOf<'cell.end'> | null;
  /** `out/<n>.stdout` and `out/<n>.stderr` (redacted), at most {@link MAX_OUT_BYTES} each; '' when missing. */
  stdout: string;
  stderr: string;
  /** True when either stream was longer than {@link MAX_OUT_BYTES} and was cut. */
  truncated: boolean;
  /** SQL cells: `out/<n>.result.json`; null for shell cells or when it is missing or unreadable. */
  sql: SqlStatementResult[] | null;
  /** True when the operator edited the source before this attempt (`originalSha256` is set). */
  edited: boolean;
}

/** A cell as the run saw it. */
export interface CellRecord {
  id: string;
  /** The cell of the runbook's step graph; null when the id is not in runbook.md's graph. */
  cell: Cell | null;
  /** In the order they ran. */
  attempts: AttemptRecord[];
  /**
   * The last attempt's status (`cancelled` when it never ended); `skipped` when a
   * `decision` skipped it and it never ran; `not-run` when nothing ran it.
   */
  status: CellStatus | 'skipped' | 'not-run';
  /** The decisions about this cell (skip, edit, retry, confirm...), in order. */
  decisions: Array<EventOf<'decision'>>;
}

/** A criterion of the runbook and what the run said about it (its last `criterion` event). */
export interface CriterionRecord {
  /** From the runbook graph; null when the event names an id the graph does not have. */
  criterion: Criterion | null;
  id: string;
  /** Null when the run never evaluated it (its procedure did not run, or the run stopped). */
  event: EventOf<'criterion'> | null;
}

/** `run.start` as written: the executor's event plus the signer and the git commit. */
export type RunStartRecord = EventOf<'run.start'> & { principal: string; publicKey: string; keyFingerprint: string; ephemeralKey: boolean; gitCommit: string | null };

/** A raw line of events.jsonl (every field kept, `prev` and signatures included). */
export type EventLineRecord = { seq: number; ts: string; type: string } & Record<string, unknown>;

/**
 * Everything a reporter needs about one run, read from its run directory and
 * verified first. Reporters format a RunRecord with pure functions.
 */
export interface RunRecord {
  /** The run directory as given. */
  runDir: string;
  /** What `verifyRunDir` found; reports must say it. */
  verification: VerifyReport;
  /** runbook.md parsed (path: the one run.start names). */
  runbook: Runbook;
  /** runbook.md's exact bytes. */
  runbookBytes: Uint8Array;
  start: RunStartRecord;
  /** Null when the run did not end (crashed, killed, or still running). */
  end: EventOf<'run.end'> | null;
  /** The raw `run.resume` lines, in order. */
  resumes: Array<Record<string, unknown>>;
  /** Every complete line of events.jsonl, raw, in order. */
  events: EventLineRecord[];
  /** Every cell of the plan plus any other cell that ran or was skipped, in plan order. */
  cells: CellRecord[];
  /** Every criterion of the runbook, in document order, then any other the run evaluated. */
  criteria: CriterionRecord[];
  /** Every decision, in order (those about cells are also on their {@link CellRecord}). */
  decisions: Array<EventOf<'decision'>>;
  notices: Array<EventOf<'run.notice'>>;
}

/** At most this many bytes of each out file are kept in a {@link AttemptRecord} (1 MiB). */
export const MAX_OUT_BYTES = 1024 * 1024;
