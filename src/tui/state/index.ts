export { createTuiState, reduceTui, type TuiStateOptions } from './tui-reducer.js';
export { acceptsText, mapKey } from './map-key.js';
export { splitKeys } from './split-keys.js';
export { reduceEvent } from './reduce-controller.js';
export { buildOutlineRows, findNextOpenRow, getChecklist, getRowStatus, getStepStatus, getUnmarked, getPlannedProcedures, type ChecklistEntry } from './outline.js';
export { getEditorHeight } from './reduce-modal.js';
export { markKey, getChoice, findInputVariable, type ChoiceInputs, type OverviewChoice, type CellView, type Effect, type Ending, type ItemStatus, type Mark, type MarkResult, type MarkTarget, type Modal, type Override, type OutlineRow, type Screen, type TuiState } from './tui-state.js';
export type { ControllerAction, OperatorAction, TuiAction } from './tui-actions.js';
