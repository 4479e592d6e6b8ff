import type { Runbook } from '../../model/runbook.js';
import { createLineInput, editLineInput } from '../editing/index.js';
import type { TuiAction } from './tui-actions.js';
import { reduceController } from './reduce-controller.js';
import { reduceModal } from './reduce-modal.js';
import { reduceOperator } from './reduce-operator.js';
import { findInputVariable, type ChoiceInputs, type TuiState } from './tui-state.js';

/** Options of {@link createTuiState}. */
export interface TuiStateOptions {
  runbook: Runbook;
  size: { cols: number; rows: number };
  /** Inputs nothing provided, asked for before the run starts, for a choice `inputsByChoice` leaves out (default none). */
  missingInputs?: string[];
  /**
   * What each choice of the overview needs, by procedure id (null: the whole runbook, or the
   * command line's selection); only its missing inputs are asked for when it starts.
   * Default: every input of the runbook, with `missingInputs` missing.
   */
  inputsByChoice?: ReadonlyMap<string | null, ChoiceInputs>;
  /** Inputs already resolved (default none). */
  values?: Record<string, string>;
  /** `--only`/`--from`/`--to`/`--tag` as given: the overview offers only that selection (default: choose). */
  fixedSelection?: string | null;
  /**
   * @deprecated Ignored: `e` always edits inline and `E` opens the operator's own
   * editor (`$VISUAL`, else an `$EDITOR` that npm did not inject), found when pressed.
   */
  editor?: 'external' | 'inline';
}

/** The state before anything happened: the overview, or the inputs it needs. */
export function createTuiState(options: TuiStateOptions): TuiState {
  const { runbook } = options;
  const fixed = options.fixedSelection ?? null;
  const procedures = runbook.procedures.filter((p) => p.steps.some((id) => runbook.steps.find((s) => s.id === id)?.role === 'procedure'));
  const offered = fixed
    ? [{ procedure: null, label: `As selected: ${fixed}` }]
    : [{ procedure: null, label: 'The whole runbook' }, ...(procedures.length > 1 ? procedures.map((p) => ({ procedure: p.id, label: p.title })) : [])];
  const every: ChoiceInputs = { variables: runbook.variables.filter((v) => v.role === 'input'), missing: options.missingInputs ?? [] };
  const choices = offered.map((choice) => ({ ...choice, ...(options.inputsByChoice?.get(choice.procedure) ?? every) }));
  return {
    runbook,
    screen: 'overview',
    back: 'overview',
    size: options.size,
    overview: { choices, selected: 0, fixedSelection: fixed },
    inputs: { names: choices[0]!.missing, index: 0, input: createLineInput(), values: { ...(options.values ?? {}) } },
    run: null,
    rows: [],
    cursor: 0,
    cells: {},
    marks: {},
    checklist: { selected: 0 },
    running: null,
    busy: false,
    modal: null,
    edits: {},
    outputScroll: 0,
    notices: [],
    ending: null,
    effects: [],
  };
}

const CONTROLLER_ACTIONS = new Set(['resize', 'started', 'event', 'output', 'edited', 'edit-closed', 'verified', 'notice', 'check', 'effects-taken', 'resumed']);

/** The terminal UI's one reducer: pure, so every screen and key is testable without a terminal. */
export function reduceTui(state: TuiState, action: TuiAction): TuiState {
  if (CONTROLLER_ACTIONS.has(action.type)) return reduceController(state, action as Extract<TuiAction, { type: 'resize' }>);
  const operator = action as Exclude<TuiAction, { type: 'resize' | 'started' | 'event' | 'output' | 'edited' | 'edit-closed' | 'verified' | 'notice' | 'check' | 'effects-taken' | 'resumed' }>;
  if (state.modal) return reduceModal(state, state.modal, operator);
  if (state.screen === 'inputs') return reduceInputs(state, operator);
  return reduceOperator(state, operator);
}

function reduceInputs(state: TuiState, action: Parameters<typeof reduceOperator>[1]): TuiState {
  const { inputs } = state;
  if (action.type === 'cancel' || action.type === 'interrupt') return { ...state, screen: 'overview' };
  if (action.type === 'text') {
    return { ...state, inputs: { ...inputs, input: editLineInput(inputs.input, action.input, action.key), error: null } };
  }
  if (action.type !== 'submit') return state;
  const name = inputs.names[inputs.index]!;
  const value = inputs.input.value;
  if (value === '' && findInputVariable(state, name)?.required) {
    return { ...state, inputs: { ...inputs, error: `${name} is required and cannot be empty: type a value, or Esc to go back` } };
  }
  const values = { ...inputs.values, [name]: value };
  if (inputs.index + 1 < inputs.names.length) return { ...state, inputs: { ...inputs, index: inputs.index + 1, input: createLineInput(), values, error: null } };
  const { choices, selected } = state.overview;
  return { ...state, busy: true, inputs: { ...inputs, values, input: createLineInput(), error: null }, effects: [...state.effects, { kind: 'start', procedure: choices[selected]?.procedure ?? null, values }] };
}
