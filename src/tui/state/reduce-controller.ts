import type { EventOf, RunEvent } from '../../model/events.js';
import { appendOutputTail, createOutputBuffer } from '../text/index.js';
import type { ControllerAction } from './tui-actions.js';
import { findNextOpenRow } from './outline.js';
import { markKey, type CellView, type Mark, type MarkResult, type TuiState } from './tui-state.js';

const MAX_NOTICES = 5;

/** Applies what the controller reports: events of the run, output, edits, the ending. */
export function reduceController(state: TuiState, action: ControllerAction): TuiState {
  switch (action.type) {
    case 'resize':
      return { ...state, size: { cols: Math.max(20, action.cols), rows: Math.max(8, action.rows) } };
    case 'started':
      return { ...state, busy: false, screen: 'stepper', back: 'stepper', run: { id: action.runId, dir: action.runDir }, rows: action.rows, cursor: 0 };
    case 'event':
      return reduceEvent(state, action.event);
    case 'output': {
      const view = state.cells[action.cellId];
      if (!view || view.attempt !== action.attempt) return state;
      let output = view.output;
      // Consecutive chunks of one stream go in together, so a flood is cut to its visible tail once.
      for (const run of joinRuns(action.chunks)) output = appendOutputTail(output, run.stream, run.data);
      return { ...state, cells: { ...state.cells, [action.cellId]: { ...view, output } } };
    }
    case 'edited':
      return { ...state, busy: false, modal: { kind: 'review-edit', cellId: action.cellId, source: action.source, reasons: action.reasons } };
    case 'edit-closed':
      return { ...addNotice(state, 'info', action.message ?? ''), busy: false, modal: null };
    case 'verified':
      return state.ending ? { ...state, ending: { ...state.ending, verification: { state: 'done', ok: action.ok, summary: action.summary } } } : state;
    case 'notice':
      return addNotice({ ...state, busy: action.level === 'error' ? false : state.busy }, action.level, action.message);
    case 'check': {
      const result = action.passed === null ? 'unanswered' : action.passed ? 'pass' : 'fail';
      const existing = state.marks[markKey({ kind: 'criterion', id: action.criterion })];
      if (existing?.by === 'operator') return state;
      return setMark(state, `criterion:${action.criterion}`, { result, note: null, by: 'check', evidence: action.evidence });
    }
    case 'resumed': {
      // Back where the operator stopped: the first row that still needs something.
      const next = findNextOpenRow(state, -1);
      return addNotice({ ...state, cursor: next === -1 ? state.rows.length - 1 : next }, 'info', `resumed ${state.run?.id ?? ''}: finished cells are kept, not run again`);
    }
    case 'effects-taken':
      return { ...state, effects: state.effects.slice(action.count) };
  }
}

/** Folds one event of the run (live, or read back from the log on resume) into the state. */
export function reduceEvent(state: TuiState, event: RunEvent): TuiState {
  switch (event.type) {
    case 'cell.start': {
      const view: CellView = { status: 'running', attempt: event.attempt, startedAt: Date.parse(event.ts), end: null, output: createOutputBuffer(), edited: event.originalSha256 ? (state.edits[event.cell] ?? event.source) : null, skipReason: null };
      return { ...state, busy: false, running: { cellId: event.cell, attempt: event.attempt }, cells: { ...state.cells, [event.cell]: view }, outputScroll: 0 };
    }
    case 'cell.end': {
      const view = state.cells[event.cell] ?? emptyCellView();
      const { status, exitCode, signal, durationMs, expectations, error } = event;
      const next: CellView = { ...view, status: status === 'passed' ? 'passed' : 'failed', end: { status, exitCode, signal, durationMs, expectations, error, stopped: event.stopped ?? null } };
      return { ...state, running: null, cells: { ...state.cells, [event.cell]: next } };
    }
    case 'decision':
      return reduceDecision(state, event);
    case 'criterion':
      if (event.result === 'unanswered' && state.marks[markKey({ kind: 'criterion', id: event.criterion })]) return state;
      return setMark(state, `criterion:${event.criterion}`, { result: event.result, note: event.note, by: event.by, evidence: event.evidence, overrides: event.overrides ?? null });
    case 'run.notice':
      return addNotice(state, event.level, event.message);
    case 'run.end':
      return { ...state, busy: false, running: null, screen: 'summary', back: 'summary', modal: null, ending: { run: { status: event.status, exitCode: event.exitCode, reason: event.reason, counts: event.counts, durationMs: event.durationMs }, verification: { state: 'verifying' } } };
    default:
      return state;
  }
}

const MARK_OF_ACTION: Partial<Record<EventOf<'decision'>['action'], MarkResult>> = { confirm: 'pass', refuse: 'fail', skip: 'n/a' };

function reduceDecision(state: TuiState, event: EventOf<'decision'>): TuiState {
  if (event.cell && event.action === 'skip') {
    const view = state.cells[event.cell] ?? emptyCellView();
    const cells = { ...state.cells, [event.cell]: { ...view, status: 'skipped' as const, skipReason: event.reason } };
    return { ...state, cells };
  }
  const result = MARK_OF_ACTION[event.action];
  if (event.cell || !result) return state;
  const note = parseMarkNote(event.reason);
  const by = event.by === 'answers' ? 'answers' : 'operator';
  if (event.step) return setMark(state, `step:${event.step}`, { result, note, by, evidence: null });
  const prerequisite = /^prerequisite (\S+)/.exec(event.reason ?? '')?.[1];
  return prerequisite ? setMark(state, `prerequisite:${prerequisite}`, { result, note, by, evidence: null }) : state;
}

/** The note of a mark's reason, written as `...: <result> (<note>)` or as a skip reason. */
function parseMarkNote(reason: string | null): string | null {
  if (!reason) return null;
  const match = /: (?:pass|fail|n\/a|skip)(?: \((.*)\))?$/s.exec(reason);
  return match ? (match[1] ?? null) : reason;
}

function setMark(state: TuiState, key: string, mark: Mark): TuiState {
  return { ...state, marks: { ...state.marks, [key]: mark } };
}

function addNotice(state: TuiState, level: 'info' | 'warning' | 'error', message: string): TuiState {
  if (!message) return state;
  return { ...state, notices: [...state.notices, { level, message }].slice(-MAX_NOTICES) };
}

function joinRuns(chunks: Array<{ stream: 'stdout' | 'stderr'; data: string }>): Array<{ stream: 'stdout' | 'stderr'; data: string }> {
  const runs: Array<{ stream: 'stdout' | 'stderr'; data: string }> = [];
  for (const chunk of chunks) {
    const last = runs.at(-1);
    if (last?.stream === chunk.stream) last.data += chunk.data;
    else runs.push({ ...chunk });
  }
  return runs;
}

/** A cell that has not run. */
export function emptyCellView(): CellView {
  return { status: 'pending', attempt: null, startedAt: null, end: null, output: createOutputBuffer(), edited: null, skipReason: null };
}

/** Moves the cursor to the next open row, if there is one. */
export function advanceCursor(state: TuiState): TuiState {
  const next = findNextOpenRow(state, state.cursor);
  return next === -1 ? state : { ...state, cursor: next, outputScroll: 0 };
}
