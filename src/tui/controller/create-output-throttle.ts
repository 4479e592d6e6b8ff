import type { EventOf } from '../../model/events.js';
import type { ControllerAction } from '../state/index.js';

/** Output chunks gathered between UI updates. */
export interface OutputThrottle {
  push(event: EventOf<'cell.output'>): void;
  /** Dispatches what is pending now (before any other event, so order holds). */
  flush(): void;
  close(): void;
}

/**
 * Hands cell output to the UI at most every `intervalMs` (default 33, a frame at 30 fps): a cell
 * printing 100,000 lines costs a few dozen renders, not 100,000.
 */
export function createOutputThrottle(dispatch: (action: ControllerAction) => void, intervalMs = 33): OutputThrottle {
  let pending: EventOf<'cell.output'>[] = [];
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    let start = 0;
    for (let i = 1; i <= batch.length; i++) {
      const first = batch[start]!;
      const next = batch[i];
      if (next && next.cell === first.cell && next.attempt === first.attempt) continue;
      dispatch({ type: 'output', cellId: first.cell, attempt: first.attempt, chunks: batch.slice(start, i).map((e) => ({ stream: e.stream, data: e.data })) });
      start = i;
    }
  };
  return {
    push(event) {
      pending.push(event);
      timer ??= setTimeout(flush, intervalMs);
    },
    flush,
    close() {
      flush();
    },
  };
}
