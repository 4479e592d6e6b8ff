/** How long a cell on the terminal gets to end by the operator's Ctrl-C before it is ended. */
export const TERMINAL_STOP_GRACE_MS = 2000;

/** The signal that ends a cell, and how to let go of its timer. */
export interface CellEndSignal {
  signal: AbortSignal | undefined;
  release(): void;
}

/**
 * The signal that ends a cell: `cancel` at once; `stop` (the operator ended a
 * blocking cell) after `graceMs`. A cell on the terminal has already had the
 * terminal's SIGINT when `stop` comes: it gets a moment to end by it, and its
 * shell to save the session, before its process tree is ended.
 */
export function followStop(cancel: AbortSignal | undefined, stop: AbortSignal | undefined, graceMs: number): CellEndSignal {
  if (!stop) return { signal: cancel, release: () => undefined };
  const ended = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const onStop = () => {
    if (graceMs <= 0) ended.abort();
    else timer = setTimeout(() => ended.abort(), graceMs);
  };
  if (stop.aborted) onStop();
  else stop.addEventListener('abort', onStop, { once: true });
  return {
    signal: cancel ? AbortSignal.any([cancel, ended.signal]) : ended.signal,
    release() {
      clearTimeout(timer);
      stop.removeEventListener('abort', onStop);
    },
  };
}
