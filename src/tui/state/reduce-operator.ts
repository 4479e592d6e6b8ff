import type { Cell } from '../../model/runbook.js';
import { createLineInput, createTextEditor } from '../editing/index.js';
import type { OperatorAction } from './tui-actions.js';
import { findNextOpenRow, findStepRow, getChecklist, getRowStatus } from './outline.js';
import { markKey, type Effect, type TuiState } from './tui-state.js';

/** Applies what the operator asked for on the current screen (no dialog open). */
export function reduceOperator(state: TuiState, action: OperatorAction): TuiState {
  switch (state.screen) {
    case 'overview':
      return reduceOverview(state, action);
    case 'stepper':
      return reduceStepper(state, action);
    case 'checklist':
      return reduceChecklist(state, action);
    case 'output':
      if (action.type === 'scroll') return { ...state, outputScroll: Math.max(0, state.outputScroll + action.delta) };
      if (action.type === 'move') return { ...state, outputScroll: Math.max(0, state.outputScroll - action.delta) };
      return reduceCommon(state, action);
    case 'help':
      return action.type === 'interrupt' ? reduceCommon(state, action) : { ...state, screen: state.back };
    case 'summary':
      return ['back', 'quit', 'primary', 'interrupt'].includes(action.type) ? withEffect(state, { kind: 'exit' }) : state;
    case 'inputs':
      return state;
  }
}

/** Keys that mean the same on every screen of a run. */
function reduceCommon(state: TuiState, action: OperatorAction): TuiState {
  switch (action.type) {
    case 'show':
      if (state.screen === action.screen) return { ...state, screen: state.back };
      return { ...state, screen: action.screen, back: state.screen === 'help' || state.screen === 'output' || state.screen === 'checklist' ? state.back : state.screen, outputScroll: 0 };
    case 'back':
      return { ...state, screen: state.back };
    case 'quit':
      if (state.screen !== 'stepper') return { ...state, screen: state.back };
      return { ...state, modal: { kind: 'confirm-quit' } };
    case 'interrupt':
      // A blocking cell (`tail -f`) is meant to be ended by Ctrl-C: that ends it as done, not cancelled.
      if (state.running) return withEffect(state, { kind: findCell(state, state.running.cellId)?.blocking ? 'stop-cell' : 'cancel-cell' });
      return { ...state, modal: { kind: 'confirm-quit' } };
    case 'abort':
      return { ...state, modal: { kind: 'abort-reason', input: createLineInput() } };
    default:
      return state;
  }
}

function reduceOverview(state: TuiState, action: OperatorAction): TuiState {
  const { choices, selected } = state.overview;
  if (action.type === 'move') return { ...state, overview: { ...state.overview, selected: clamp(selected + action.delta, 0, choices.length - 1) } };
  if (action.type === 'quit' || action.type === 'interrupt' || action.type === 'back') return withEffect(state, { kind: 'exit' });
  if (action.type === 'show' && action.screen === 'help') return { ...state, screen: 'help', back: 'overview' };
  if (action.type !== 'primary') return state;
  // Only what the chosen part reads is asked for.
  const missing = (choices[selected]?.missing ?? []).filter((name) => !Object.hasOwn(state.inputs.values, name));
  if (missing.length > 0) return { ...state, screen: 'inputs', inputs: { ...state.inputs, names: missing, index: 0, input: createLineInput() } };
  return withEffect({ ...state, busy: true }, { kind: 'start', procedure: choices[selected]?.procedure ?? null, values: state.inputs.values });
}

function reduceStepper(state: TuiState, action: OperatorAction): TuiState {
  const row = state.rows[state.cursor];
  const cell = row?.cellId ? findCell(state, row.cellId) : null;
  const idle = !state.running && !state.busy;
  switch (action.type) {
    case 'move':
      return { ...state, cursor: clamp(state.cursor + action.delta, 0, state.rows.length - 1), outputScroll: 0 };
    case 'step':
      return { ...state, cursor: findStepRow(state, action.direction), outputScroll: 0 };
    case 'primary': {
      if (!idle) return state;
      if (!row) return { ...state, modal: { kind: 'confirm-finish' } };
      const status = getRowStatus(state, row);
      if (status === 'pending' && cell) return requestRun(state, cell, null, 'run');
      if (status === 'pending') return { ...state, modal: { kind: 'mark', target: { kind: 'step', id: row.step.id }, result: 'pass', input: createLineInput(), overrides: null, error: null } };
      const next = findNextOpenRow(state, state.cursor);
      if (next !== -1) return { ...state, cursor: next, outputScroll: 0 };
      const anyOpen = findNextOpenRow(state, -1);
      return anyOpen === -1 ? { ...state, modal: { kind: 'confirm-finish' } } : { ...state, cursor: anyOpen, outputScroll: 0 };
    }
    case 'skip':
      if (!row || !idle || getRowStatus(state, row) === 'passed') return state;
      return { ...state, modal: { kind: 'skip-reason', cellId: row.cellId, stepId: row.step.id, input: createLineInput() } };
    case 'retry':
      if (!cell || !idle) return state;
      // A retry runs what the pane shows: the operator's edit when there was one.
      return requestRun(state, cell, state.cells[cell.id]?.edited ? (state.edits[cell.id] ?? state.cells[cell.id]!.edited) : null, getRowStatus(state, row!) === 'pending' ? 'run' : 'retry');
    case 'edit': {
      if (!cell || !idle) return state;
      const source = state.cells[cell.id]?.edited ?? cell.source;
      return openEditor(state, cell.id, source, action.external ?? false);
    }
    default:
      return reduceCommon(state, action);
  }
}

function reduceChecklist(state: TuiState, action: OperatorAction): TuiState {
  const entries = getChecklist(state);
  if (action.type === 'move') return { ...state, checklist: { selected: clamp(state.checklist.selected + action.delta, 0, entries.length - 1) } };
  if (action.type === 'step') return { ...state, checklist: { selected: clamp(state.checklist.selected + action.direction, 0, entries.length - 1) } };
  const entry = entries[state.checklist.selected];
  if ((action.type === 'mark' || action.type === 'primary') && entry) {
    const mark = state.marks[markKey(entry.target)];
    // A bound check litops evaluated stays evaluated unless the operator overrides it, with a reason.
    const overrides = mark?.by === 'check' && (mark.result === 'pass' || mark.result === 'fail') ? { result: mark.result, evidence: mark.evidence } : null;
    const result = action.type === 'mark' ? action.result : overrides ? (overrides.result === 'pass' ? 'fail' : 'pass') : 'pass';
    if (overrides && result === overrides.result) return { ...state, notices: [...state.notices, { level: 'info', message: `litops evaluated this check: ${overrides.result}; it stays evaluated` }] };
    return { ...state, modal: { kind: 'mark', target: entry.target, result, input: createLineInput(), overrides, error: null } };
  }
  return reduceCommon(state, action);
}

/** `e`: the inline editor; `E`: the operator's own editor, which the controller looks for. */
export function openEditor(state: TuiState, cellId: string, source: string, external: boolean): TuiState {
  if (external) return withEffect({ ...state, modal: null, busy: true }, { kind: 'open-editor', cellId, source });
  return { ...state, modal: { kind: 'edit-inline', cellId, editor: createTextEditor(source) } };
}

/** Run (or retry) a cell: destructive cells first ask for their name. */
export function requestRun(state: TuiState, cell: Cell, source: string | null, action: 'run' | 'retry' | 'edit', reasons = cell.reasons): TuiState {
  if (cell.destructive || reasons.length > 0) {
    return { ...state, modal: { kind: 'confirm-destructive', cellId: cell.id, source, reasons: reasons.length ? reasons : cell.reasons, action, input: createLineInput(), error: null } };
  }
  return withEffect({ ...rememberEdit(state, cell.id, source), busy: true, modal: null }, { kind: 'run-cell', cellId: cell.id, source, action, confirmedDestructive: false });
}

/** Keeps the source the operator typed, unredacted, for a retry. */
export function rememberEdit(state: TuiState, cellId: string, source: string | null): TuiState {
  return source === null ? state : { ...state, edits: { ...state.edits, [cellId]: source } };
}

/** Queues an effect for the controller. */
export function withEffect(state: TuiState, effect: Effect): TuiState {
  return { ...state, effects: [...state.effects, effect] };
}

export function findCell(state: TuiState, id: string): Cell | null {
  return state.runbook.cells.find((cell) => cell.id === id) ?? null;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}
