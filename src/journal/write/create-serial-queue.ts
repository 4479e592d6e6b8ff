/** Runs tasks one at a time in call order; after one fails, later ones fail with its error. */
export interface SerialQueue {
  /** Queues a task; `always` runs it even after a failure (to sign what is on disk). */
  run<T>(task: () => Promise<T>, options?: { always?: boolean }): Promise<T>;
  /** The first failure, if any. */
  failure(): unknown;
}

/** A queue for the sink: the executor may emit without awaiting (`target.open`), yet lines stay in order. */
export function createSerialQueue(): SerialQueue {
  let tail: Promise<void> = Promise.resolve();
  let failed = false;
  let failure: unknown;
  return {
    run(task, options = {}) {
      const result = tail.then(() => {
        if (failed && !options.always) throw failure;
        return task();
      });
      tail = result.then(
        () => undefined,
        (error: unknown) => {
          if (!failed) {
            failed = true;
            failure = error;
          }
        },
      );
      return result;
    },
    failure: () => (failed ? failure : undefined),
  };
}
