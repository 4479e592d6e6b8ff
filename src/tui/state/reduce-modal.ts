import { createLineInput, createTextEditor, editLineInput, editText, getEditorText } from '../editing/index.js';
import type { OperatorAction } from './tui-actions.js';
import { advanceCursor } from './reduce-controller.js';
import { findCell, openEditor, rememberEdit, requestRun, withEffect } from './reduce-operator.js';
import type { MarkResult, Modal, TuiState } from './tui-state.js';

const RESULTS: MarkResult[] = ['pass', 'fail', 'n/a'];

/** Rows the inline editor shows: what is left of the screen under its title and help line. */
export function getEditorHeight(state: TuiState): number {
  return Math.max(3, state.size.rows - 10);
}

/** Applies the operator's keys to the open dialog. */
export function reduceModal(state: TuiState, modal: Modal, action: OperatorAction): TuiState {
  if (action.type === 'cancel') return { ...state, modal: null };
  switch (modal.kind) {
    case 'skip-reason':
    case 'abort-reason':
    case 'mark':
    case 'confirm-destructive':
      return reduceLineDialog(state, modal, action);
    case 'edit-inline':
      if (action.type === 'submit') {
        const cell = findCell(state, modal.cellId);
        const source = getEditorText(modal.editor);
        if (!cell) return { ...state, modal: null };
        return withEffect({ ...state, busy: true }, { kind: 'check-edit', cellId: cell.id, source });
      }
      if (action.type === 'text') return { ...state, modal: { ...modal, editor: editText(modal.editor, action.input, action.key, getEditorHeight(state)) } };
      return state;
    case 'review-edit': {
      const cell = findCell(state, modal.cellId);
      if (!cell) return { ...state, modal: null };
      if (action.type === 'submit' || (action.type === 'confirm' && action.yes)) return requestRun(state, cell, modal.source, 'edit', modal.reasons);
      if (action.type === 'edit') return openEditor(state, cell.id, modal.source, action.external ?? false);
      if (action.type === 'confirm' && !action.yes) return { ...state, modal: null };
      return state;
    }
    case 'confirm-quit':
      if (action.type === 'confirm' || action.type === 'submit' || action.type === 'interrupt' || action.type === 'quit') {
        const yes = action.type !== 'confirm' || action.yes;
        return yes ? withEffect({ ...state, modal: null }, { kind: 'quit' }) : { ...state, modal: null };
      }
      return state;
    case 'confirm-finish':
      if (action.type === 'submit' || (action.type === 'confirm' && action.yes)) return withEffect({ ...state, modal: null, busy: true }, { kind: 'finish' });
      if (action.type === 'confirm' && !action.yes) return { ...state, modal: null };
      if (action.type === 'show' && action.screen === 'checklist') return { ...state, modal: null, screen: 'checklist', back: 'stepper' };
      return state;
  }
}

type LineDialog = Extract<Modal, { kind: 'skip-reason' | 'abort-reason' | 'mark' | 'confirm-destructive' }>;

function reduceLineDialog(state: TuiState, modal: LineDialog, action: OperatorAction): TuiState {
  if (action.type === 'text') return { ...state, modal: { ...modal, input: editLineInput(modal.input, action.input, action.key), ...(modal.kind === 'mark' ? { error: null } : {}) } as Modal };
  if (action.type === 'cycle' && modal.kind === 'mark') return { ...state, modal: { ...modal, result: RESULTS[(RESULTS.indexOf(modal.result) + 1) % RESULTS.length]! } };
  if (action.type !== 'submit') return state;
  const text = modal.input.value.trim();
  switch (modal.kind) {
    case 'skip-reason':
      if (!text) return state;
      return advanceCursor(withEffect({ ...state, modal: null }, { kind: 'skip', cellId: modal.cellId, stepId: modal.stepId, reason: text }));
    case 'abort-reason':
      if (!text) return state;
      return withEffect({ ...state, modal: null, busy: true }, { kind: 'abort', reason: text });
    case 'mark': {
      if (modal.overrides && !text) return { ...state, modal: { ...modal, error: 'a reason is required to override it; Esc keeps what litops evaluated' } };
      const next = withEffect({ ...state, modal: null }, { kind: 'mark', target: modal.target, result: modal.result, note: text || null, overrides: modal.overrides });
      // In the checklist the selection stays on the entry just marked: moving it unasked hid what was marked.
      return modal.target.kind === 'step' && state.screen !== 'checklist' ? advanceCursor(next) : next;
    }
    case 'confirm-destructive': {
      const cell = findCell(state, modal.cellId);
      if (!cell) return { ...state, modal: null };
      const name = cell.attributes.name ?? cell.id;
      if (modal.input.value !== name) return { ...state, modal: { ...modal, input: createLineInput(), error: `"${modal.input.value}" is not the cell's name; type ${name} exactly, or Esc to leave it` } };
      return withEffect({ ...rememberEdit(state, cell.id, modal.source), modal: null, busy: true }, { kind: 'run-cell', cellId: cell.id, source: modal.source, action: modal.action, confirmedDestructive: true });
    }
  }
}
