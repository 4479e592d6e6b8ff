import { LitopsError } from '../../model/errors.js';
import { RunEventSchema, type CellStatus, type EventOf } from '../../model/events.js';
import type { ChainFields, InterruptedCell, RunStartLine } from '../journal-lines.js';
import { classifyRunDirPath, EVENTS_FILE } from '../run-dir-layout.js';
import { describeIssue } from '../verify/check-line-shape.js';
import type { ChainedLine } from '../verify/read-event-chain.js';
import type { LoggedCellResult } from './read-cell-results.js';

/** What a resumed run needs to know about the run so far. */
export interface ResumeState {
  /** The exact bytes of runbook.md. */
  runbookBytes: Uint8Array;
  /** `run.start` as written (with its signer fields). */
  runStart: RunStartLine;
  /** Cells that finished, by id: the status of their last `cell.end`. Never re-run these. */
  finishedCells: Map<string, CellStatus>;
  /** The cell whose `cell.start` has no `cell.end` in the last stretch of the run: the one cut off. */
  interruptedCell: { cell: string; step: string; attempt: number } | null;
  /** Every attempt this resume found cut off, with the files it left (as recorded in `run.resume`). */
  interruptedCells: InterruptedCell[];
  decisions: Array<EventOf<'decision'> & ChainFields>;
  criteria: Array<EventOf<'criterion'> & ChainFields>;
  /** The last seq before this resume, and the seq of its `run.resume` line. */
  lastSeq: number;
  resumeSeq: number;
  /** The highest attempt number used so far: number new attempts after it. */
  lastAttempt: number;
  /** Every cell's latest finished attempt in the whole log, with its output: checks bound to it are evaluated on it. */
  cellResults: Map<string, LoggedCellResult>;
}

/** The part of {@link ResumeState} read from the chained lines. */
export type LoggedState = Omit<ResumeState, 'runbookBytes' | 'interruptedCells' | 'resumeSeq' | 'cellResults'> & {
  /** Attempts with a `cell.start` and neither a `cell.end` nor an earlier `run.resume` accounting for them. */
  openAttempts: Map<number, { cell: string; step: string }>;
};

/**
 * Reads the state of a run from its verified lines. The executor's events are
 * validated against the model's schemas here, at the edge.
 */
export function buildResumeState(lines: ChainedLine[], unrecorded: string[]): LoggedState {
  const finishedCells = new Map<string, CellStatus>();
  const openAttempts = new Map<number, { cell: string; step: string }>();
  const decisions: LoggedState['decisions'] = [];
  const criteria: LoggedState['criteria'] = [];
  let lastAttempt = 0;
  let interruptedCell: LoggedState['interruptedCell'] = null;
  for (const line of lines) {
    const record = line.record;
    if (record.type === 'checkpoint') continue;
    if (record.type === 'run.resume') {
      for (const cut of record.interruptedCells as InterruptedCell[]) {
        openAttempts.delete(cut.attempt);
        lastAttempt = Math.max(lastAttempt, cut.attempt);
      }
      interruptedCell = null;
      continue;
    }
    const parsed = RunEventSchema.safeParse(record);
    if (!parsed.success) throw new LitopsError('journal-invalid-event', `${EVENTS_FILE} line ${line.number}: not a valid ${record.type} event: ${describeIssue(parsed.error)}`);
    const event = parsed.data;
    if (event.type === 'cell.start') {
      lastAttempt = Math.max(lastAttempt, event.attempt);
      openAttempts.set(event.attempt, { cell: event.cell, step: event.step });
      interruptedCell = { cell: event.cell, step: event.step, attempt: event.attempt };
    }
    if (event.type === 'cell.end') {
      openAttempts.delete(event.attempt);
      finishedCells.set(event.cell, event.status);
      interruptedCell = null;
    }
    if (event.type === 'decision') decisions.push(record as unknown as LoggedState['decisions'][number]);
    if (event.type === 'criterion') criteria.push(record as unknown as LoggedState['criteria'][number]);
  }
  for (const path of unrecorded) {
    const entry = classifyRunDirPath(path);
    if (entry.kind === 'out') lastAttempt = Math.max(lastAttempt, entry.attempt);
  }
  const lastSeq = lines.length - 1;
  return { runStart: lines[0]!.record as unknown as RunStartLine, finishedCells, interruptedCell, decisions, criteria, lastSeq, lastAttempt, openAttempts };
}
