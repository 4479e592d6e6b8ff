import type { Key } from 'ink';
import type { OperatorAction } from './tui-actions.js';
import type { MarkResult, TuiState } from './tui-state.js';

/** Checklist keys that mark the selected entry, after the marks it shows (✓ ✗ –). */
const CHECKLIST_MARKS: Readonly<Record<string, MarkResult>> = { y: 'pass', f: 'fail', '-': 'n/a' };

/**
 * What a key means on the current screen or dialog (null: nothing). Ctrl-C is
 * an interrupt everywhere: it cancels the running cell, else asks to quit.
 */
export function mapKey(state: TuiState, input: string, key: Key): OperatorAction | null {
  if (key.ctrl && input === 'c') return { type: 'interrupt' };
  if (state.modal) return mapDialogKey(state, input, key);
  if (state.screen === 'inputs') {
    if (key.escape) return { type: 'cancel' };
    if (key.return) return { type: 'submit' };
    return { type: 'text', input, key };
  }
  if (state.screen === 'help') return { type: 'back' };
  if (key.upArrow) return { type: 'move', delta: -1 };
  if (key.downArrow) return { type: 'move', delta: 1 };
  if (key.pageUp) return { type: 'scroll', delta: pageOf(state) };
  if (key.pageDown) return { type: 'scroll', delta: -pageOf(state) };
  if (key.return) return { type: 'primary' };
  if (key.escape) return { type: 'back' };
  if (key.ctrl || key.meta) return null;
  if (state.screen === 'checklist') {
    // Not p/n/a: those mean previous, next and abort on every screen.
    const result = CHECKLIST_MARKS[input];
    if (result) return { type: 'mark', result };
  }
  switch (input) {
    case 'j':
      return { type: 'move', delta: 1 };
    case 'k':
      return { type: 'move', delta: -1 };
    case 'n':
      return { type: 'step', direction: 1 };
    case 'p':
      return { type: 'step', direction: -1 };
    case 's':
      return { type: 'skip' };
    case 'e':
      return { type: 'edit' };
    case 'E':
      return { type: 'edit', external: true };
    case 'r':
      return { type: 'retry' };
    case 'a':
      return { type: 'abort' };
    case 'c':
      return { type: 'show', screen: 'checklist' };
    case 'o':
      return { type: 'show', screen: 'output' };
    case '?':
      return { type: 'show', screen: 'help' };
    case 'q':
      return { type: 'quit' };
    case ' ':
      return { type: 'scroll', delta: -pageOf(state) };
    default:
      return null;
  }
}

/** Whether typed text goes into a field (a dialog's input, the inline editor, an input prompt) rather than being keys. */
export function acceptsText(state: TuiState): boolean {
  if (state.screen === 'inputs' && !state.modal) return true;
  const kind = state.modal?.kind;
  return kind === 'skip-reason' || kind === 'abort-reason' || kind === 'mark' || kind === 'confirm-destructive' || kind === 'edit-inline';
}

function mapDialogKey(state: TuiState, input: string, key: Key): OperatorAction | null {
  const modal = state.modal!;
  if (key.escape) return { type: 'cancel' };
  switch (modal.kind) {
    case 'edit-inline':
      if (key.ctrl && input === 's') return { type: 'submit' };
      return { type: 'text', input, key };
    case 'review-edit':
      if (key.return) return { type: 'submit' };
      if (input === 'e') return { type: 'edit' };
      if (input === 'E') return { type: 'edit', external: true };
      if (input === 'y') return { type: 'confirm', yes: true };
      if (input === 'n') return { type: 'confirm', yes: false };
      return null;
    case 'confirm-quit':
    case 'confirm-finish':
      if (key.return) return { type: 'submit' };
      if (input === 'y') return { type: 'confirm', yes: true };
      if (input === 'n') return { type: 'confirm', yes: false };
      if (input === 'q') return { type: 'quit' };
      if (input === 'c' && modal.kind === 'confirm-finish') return { type: 'show', screen: 'checklist' };
      return null;
    default:
      if (key.return) return { type: 'submit' };
      if (key.tab && modal.kind === 'mark') return { type: 'cycle' };
      return { type: 'text', input, key };
  }
}

/** A page of the full-output view. */
function pageOf(state: TuiState): number {
  return Math.max(1, state.size.rows - 4);
}
