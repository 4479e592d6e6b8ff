import type { EventOf } from '../../model/events.js';
import type { DestructiveReason } from '../../model/safety.js';
import type { Runbook, Step, Variable } from '../../model/runbook.js';
import type { LineInput, TextEditor } from '../editing/index.js';
import type { OutputBuffer } from '../text/index.js';

/** The screens of the terminal UI. */
export type Screen = 'overview' | 'inputs' | 'stepper' | 'checklist' | 'output' | 'help' | 'summary';

/** What an overview choice needs: the inputs its cells read, and those nothing provided. */
export interface ChoiceInputs {
  /** The inputs in scope, in runbook order (a variable a cell outside the choice sets comes as a required input saying so). */
  variables: Variable[];
  /** Names of those without a value: asked for when the choice starts. */
  missing: string[];
}

/** A part of the runbook the overview offers to run. */
export interface OverviewChoice extends ChoiceInputs {
  /** The procedure, or null for the whole runbook (or the command line's selection). */
  procedure: string | null;
  label: string;
}

/** A step or cell as the outline marks it. */
export type ItemStatus = 'pending' | 'running' | 'passed' | 'failed' | 'skipped';

/** One row of the outline: a cell, or a step without cells (manual step, task-list check). */
export interface OutlineRow {
  step: Step;
  /** The cell of this row, or null for a step without cells. */
  cellId: string | null;
  /** True for the first row of its step (the row that shows the step's title). */
  first: boolean;
  /** Rollback steps are listed but never reached by moving on: the operator goes there on purpose. */
  optional: boolean;
}

/** What the UI knows of one cell: the latest attempt and its output. */
export interface CellView {
  status: ItemStatus;
  attempt: number | null;
  /** When the latest attempt started (ms since the epoch), for the elapsed time. */
  startedAt: number | null;
  end: Pick<EventOf<'cell.end'>, 'status' | 'exitCode' | 'signal' | 'durationMs' | 'expectations' | 'error' | 'stopped'> | null;
  output: OutputBuffer;
  /** The source the latest attempt ran when the operator edited it, else null. */
  edited: string | null;
  /** Why the operator skipped it. */
  skipReason: string | null;
}

/** A checklist entry's mark. */
export type MarkResult = 'pass' | 'fail' | 'n/a';

/** Something the operator can mark: a prerequisite, a criterion, or a step without cells. */
export interface MarkTarget {
  kind: 'prerequisite' | 'criterion' | 'step';
  id: string;
}

export interface Mark {
  result: MarkResult | 'unanswered';
  note: string | null;
  by: 'operator' | 'check' | 'answers';
  /** A bound check: what it evaluated (e.g. `value < 0.5: actual 0.12`). */
  evidence: string | null;
  /** An operator's mark over a bound check's result: what the check said. */
  overrides?: Override | null;
}

/** What a bound check evaluated, which an operator's mark replaces (with a reason). */
export interface Override {
  result: 'pass' | 'fail';
  evidence: string | null;
}

/** A dialog over the current screen; keys go to it first. */
export type Modal =
  | { kind: 'skip-reason'; cellId: string | null; stepId: string; input: LineInput }
  | { kind: 'confirm-destructive'; cellId: string; source: string | null; reasons: DestructiveReason[]; action: 'run' | 'retry' | 'edit'; input: LineInput; error: string | null }
  | { kind: 'edit-inline'; cellId: string; editor: TextEditor }
  | { kind: 'review-edit'; cellId: string; source: string; reasons: DestructiveReason[] }
  /** `overrides`: the result litops evaluated for a bound check; overriding it needs a reason (the note). */
  | { kind: 'mark'; target: MarkTarget; result: MarkResult; input: LineInput; overrides: Override | null; error: string | null }
  | { kind: 'confirm-quit' }
  | { kind: 'abort-reason'; input: LineInput }
  | { kind: 'confirm-finish' };

/** Work the reducer asks the controller to do; the controller reports back with actions. */
export type Effect =
  | { kind: 'start'; procedure: string | null; values: Record<string, string> }
  | { kind: 'run-cell'; cellId: string; source: string | null; action: 'run' | 'retry' | 'edit'; confirmedDestructive: boolean }
  | { kind: 'skip'; cellId: string | null; stepId: string; reason: string }
  | { kind: 'mark'; target: MarkTarget; result: MarkResult; note: string | null; overrides: Override | null }
  | { kind: 'open-editor'; cellId: string; source: string }
  | { kind: 'check-edit'; cellId: string; source: string }
  | { kind: 'cancel-cell' }
  /** Ctrl-C while a blocking cell (`tail -f`) runs: end it on purpose; it counts as done and the run goes on. */
  | { kind: 'stop-cell' }
  | { kind: 'abort'; reason: string }
  | { kind: 'finish' }
  | { kind: 'quit' }
  | { kind: 'exit' };

/** How the run ended, and whether its directory verified. */
export interface Ending {
  run: Pick<EventOf<'run.end'>, 'status' | 'exitCode' | 'reason' | 'counts' | 'durationMs'>;
  verification: { state: 'verifying' } | { state: 'done'; ok: boolean; summary: string } | null;
}

/** Everything the views show. Changed only by {@link reduceTui}. */
export interface TuiState {
  runbook: Runbook;
  screen: Screen;
  /** Where `?`, `o` and `c` return to. */
  back: Screen;
  size: { cols: number; rows: number };
  overview: { choices: OverviewChoice[]; selected: number; fixedSelection: string | null };
  /** The inputs being asked for (`names`: the chosen part's missing ones) and every value known so far. */
  inputs: { names: string[]; index: number; input: LineInput; values: Record<string, string>; /** Why the last Enter was refused (none: null). */ error?: string | null };
  run: { id: string; dir: string } | null;
  rows: OutlineRow[];
  /** Index into rows. */
  cursor: number;
  cells: Record<string, CellView>;
  /** Steps without cells: their mark. Prerequisites and criteria: theirs. Keyed `kind:id`. */
  marks: Record<string, Mark>;
  checklist: { selected: number };
  running: { cellId: string; attempt: number } | null;
  /** A cell whose run was asked for and has not started yet (the controller is busy). */
  busy: boolean;
  modal: Modal | null;
  /** The operator's edits as typed (events hold them redacted), by cell: what a retry runs. */
  edits: Record<string, string>;
  /** Full-output view: lines scrolled up from the bottom. */
  outputScroll: number;
  notices: Array<{ level: 'info' | 'warning' | 'error'; message: string }>;
  ending: Ending | null;
  effects: Effect[];
}

/** The overview choice under the cursor (the one that runs). */
export function getChoice(state: TuiState): OverviewChoice | undefined {
  return state.overview.choices[state.overview.selected];
}

/** An input as the chosen part needs it, else as the runbook declares it. */
export function findInputVariable(state: TuiState, name: string): Variable | undefined {
  return getChoice(state)?.variables.find((v) => v.name === name) ?? state.runbook.variables.find((v) => v.name === name);
}

/** The key of a mark in {@link TuiState.marks}. */
export function markKey(target: MarkTarget): string {
  return `${target.kind}:${target.id}`;
}
