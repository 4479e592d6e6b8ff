import type { Key } from 'ink';
import type { TuiStore } from '../controller/create-tui-store.js';
import { acceptsText, mapKey, splitKeys } from '../state/index.js';

/**
 * Turns what Ink read into actions. Text typed faster than Ink reads it
 * (`"sreason"`, `"qy"`) arrives as one input: outside a text field each
 * character is a key, and once a key opens a field the rest is its text.
 */
export function dispatchKeys(store: TuiStore, input: string, key: Key): void {
  const queue = splitKeys(input, key);
  while (queue.length > 0) {
    const press = queue.shift()!;
    const state = store.getState();
    const chars = [...press.input];
    if (chars.length > 1 && !press.key.ctrl && !press.key.meta && !acceptsText(state)) {
      queue.unshift({ input: chars[0]!, key: press.key }, { input: chars.slice(1).join(''), key: press.key });
      continue;
    }
    const action = mapKey(state, press.input, press.key);
    if (action) store.dispatch(action);
  }
}
