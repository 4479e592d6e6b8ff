import type { Key } from 'ink';
import type { RunEvent } from '../../model/events.js';
import type { DestructiveReason } from '../../model/safety.js';
import type { MarkResult, OutlineRow } from './tui-state.js';

/** What the operator asked for (mapped from keys by `mapKey`). */
export type OperatorAction =
  | { type: 'move'; delta: number }
  | { type: 'step'; direction: 1 | -1 }
  | { type: 'primary' }
  | { type: 'skip' }
  /** `e` edits inline; `E` (external) opens the editor the operator chose ($VISUAL, else $EDITOR). */
  | { type: 'edit'; external?: boolean }
  | { type: 'retry' }
  | { type: 'abort' }
  | { type: 'show'; screen: 'checklist' | 'output' | 'help' }
  | { type: 'back' }
  | { type: 'quit' }
  | { type: 'interrupt' }
  | { type: 'scroll'; delta: number }
  | { type: 'mark'; result: MarkResult }
  | { type: 'text'; input: string; key: Key }
  | { type: 'submit' }
  | { type: 'cancel' }
  | { type: 'cycle' }
  | { type: 'confirm'; yes: boolean };

/** What the controller reports. */
export type ControllerAction =
  | { type: 'resize'; cols: number; rows: number }
  | { type: 'started'; runId: string; runDir: string; rows: OutlineRow[] }
  | { type: 'event'; event: RunEvent }
  | { type: 'output'; cellId: string; attempt: number; chunks: Array<{ stream: 'stdout' | 'stderr'; data: string }> }
  | { type: 'edited'; cellId: string; source: string; reasons: DestructiveReason[] }
  | { type: 'edit-closed'; message: string | null }
  | { type: 'verified'; ok: boolean; summary: string }
  | { type: 'notice'; level: 'info' | 'warning' | 'error'; message: string }
  | { type: 'check'; criterion: string; passed: boolean | null; evidence: string }
  | { type: 'effects-taken'; count: number }
  | { type: 'resumed' };

export type TuiAction = OperatorAction | ControllerAction;
