import { reduceTui, type Effect, type TuiAction, type TuiState } from '../state/index.js';

/** The UI state outside React: the controller dispatches to it, views subscribe to it. */
export interface TuiStore {
  getState(): TuiState;
  dispatch(action: TuiAction): void;
  subscribe(listener: () => void): () => void;
}

/**
 * A store over {@link reduceTui}. Effects the reducer queues are taken out of
 * the state after each dispatch and handed to `onEffects`, in order, outside
 * the dispatch (so a handler may dispatch again).
 */
export function createTuiStore(initial: TuiState, onEffects: (effects: Effect[]) => void): TuiStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      state = reduceTui(state, action);
      const effects = state.effects;
      if (effects.length) state = reduceTui(state, { type: 'effects-taken', count: effects.length });
      for (const listener of listeners) listener();
      if (effects.length) queueMicrotask(() => onEffects(effects));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
