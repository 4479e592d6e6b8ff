import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createPausableTimer } from './create-pausable-timer.js';
import type { ShellRunHooks } from './types.js';

type StreamName = 'stdout' | 'stderr';

/** Delivery of a cell's two output pipes to `onOutput`. */
export interface OutputPump {
  /** Settles once both pipes ended and every chunk was delivered; rejects when `onOutput` throws or rejects. */
  finished: Promise<void>;
  /**
   * Stops reading once `readingMs` have passed without `onOutput` pending: what is
   * left in the pipes after the group ended is read in far less, so only processes
   * that escaped the group (setsid) can hold them open that long. `finished` then settles.
   */
  abandonAfter(readingMs: number): void;
}

/**
 * Streams both pipes to `onOutput` in arrival order, one call at a time, decoded
 * with a StringDecoder per pipe so a multibyte character is never split. While a
 * returned promise is pending both pipes are paused, so the kernel pipe fills and
 * the writer blocks: nothing is accumulated here beyond one chunk per pipe.
 */
export function pumpOutput(streams: Record<StreamName, Readable>, onOutput: ShellRunHooks['onOutput']): OutputPump {
  const all = Object.values(streams);
  const queue: Array<[StreamName, string]> = [];
  const open = new Set<StreamName>(['stdout', 'stderr']);
  let waiting = false;
  let failed = false;
  // Once settled, no timer may be armed again: an armed timer would keep the process alive for nothing.
  let settled = false;
  // Runs only while no onOutput promise is pending (see abandonAfter).
  const reading = createPausableTimer(() => all.forEach((stream) => stream.destroy()));
  let settle!: { resolve: () => void; reject: (error: unknown) => void };
  const finished = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));

  const fail = (error: unknown): void => {
    failed = true;
    reading.cancel();
    for (const stream of all) stream.destroy();
    settle.reject(error);
  };
  const flush = (): void => {
    while (!waiting && !failed && queue.length > 0) {
      const [name, text] = queue.shift()!;
      let returned: void | Promise<void>;
      try {
        returned = onOutput(name, text);
      } catch (error) {
        return fail(error);
      }
      if (isPromiseLike(returned)) {
        waiting = true;
        reading.pause();
        for (const stream of all) stream.pause();
        returned.then(() => {
          waiting = false;
          reading.resume();
          for (const stream of all) if (!stream.destroyed) stream.resume();
          flush();
        }, fail);
      }
    }
    if (!waiting && !failed && queue.length === 0 && open.size === 0) {
      reading.cancel();
      settled = true;
      settle.resolve();
    }
  };

  for (const name of ['stdout', 'stderr'] as const) {
    const stream = streams[name];
    const decoder = new StringDecoder('utf8');
    const finish = (): void => {
      if (!open.delete(name)) return;
      const rest = decoder.end();
      if (rest) queue.push([name, rest]);
      flush();
    };
    stream.on('data', (chunk: Buffer) => {
      const text = decoder.write(chunk);
      if (text) queue.push([name, text]);
      flush();
    });
    stream.on('end', finish);
    stream.on('close', finish);
    // A read error on a pipe ends that stream; the process result still tells how the cell ended.
    stream.on('error', finish);
  }

  return {
    finished,
    abandonAfter: (readingMs) => {
      if (!settled && !failed) reading.arm(readingMs, waiting);
    },
  };
}

function isPromiseLike(value: unknown): value is Promise<void> {
  return typeof (value as { then?: unknown } | undefined)?.then === 'function';
}
