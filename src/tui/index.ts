/**
 * The operator's terminal UI: pure state (reducer, key map), a store, the
 * controller that runs cells and writes the signed log, and the Ink views.
 */
export { createTuiState, reduceTui, mapKey, buildOutlineRows, type TuiState, type TuiAction, type Effect, type ChoiceInputs } from './state/index.js';
export { createTuiStore, type TuiStore } from './controller/create-tui-store.js';
export { createTuiController, type TuiController, type TuiControllerOptions, type TuiResume } from './controller/create-tui-controller.js';
export type { SuspendOptions, TuiRunHooks, TuiRunLog } from './controller/tui-run-hooks.js';
export { mountTui, type MountedTui, type TuiTerminal } from './run-tui.js';
export { App } from './views/app.js';
