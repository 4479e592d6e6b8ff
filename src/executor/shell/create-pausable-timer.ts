import { performance } from 'node:perf_hooks';

/** A one-shot timer whose clock can be stopped and restarted. */
export interface PausableTimer {
  /** Arms the timer for `ms` of running time; it starts running unless `paused`. */
  arm(ms: number, paused: boolean): void;
  pause(): void;
  resume(): void;
  /** Never fire. */
  cancel(): void;
}

/** Calls `onExpire` once the armed time has run, not counting the time spent paused. */
export function createPausableTimer(onExpire: () => void): PausableTimer {
  let left: number | null = null;
  let since = 0;
  let timer: NodeJS.Timeout | undefined;
  const pause = (): void => {
    if (timer === undefined || left === null) return;
    clearTimeout(timer);
    timer = undefined;
    left -= performance.now() - since;
  };
  const resume = (): void => {
    if (timer !== undefined || left === null) return;
    since = performance.now();
    timer = setTimeout(onExpire, Math.max(0, left));
  };
  return {
    arm(ms, paused) {
      left = ms;
      if (!paused) resume();
    },
    pause,
    resume,
    cancel() {
      pause();
      left = null;
    },
  };
}
