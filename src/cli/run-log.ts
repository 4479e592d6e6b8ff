import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { RunEvent } from '../model/events.js';
import type { Journal, Signer } from '../journal/index.js';
import type { OptionValues } from './command-spec.js';
import { getGitCommit, getPrincipal } from './principal.js';

/** The signed run directory of one run, fed the same events as the console. */
export interface RunLog {
  /** Appends one event; calls are serialised, so the log keeps the order they were made in. */
  write(event: RunEvent): Promise<void>;
  /**
   * Signs the run: after `run.end` (`ended`), else as interrupted (resumable), so a
   * partial run is still signed; `reason` says what stopped it (e.g. "the operator quit").
   */
  finish(ended: boolean, reason?: string): Promise<void>;
  runDir: string;
}

/** The signer of `--key`, else LITOPS_SIGNING_KEY, else the keygen default, else an ephemeral key. */
export async function loadSigner(options: OptionValues, env: Record<string, string | undefined>): Promise<Signer> {
  const { createSigner } = await import('../journal/index.js');
  return createSigner({ keyPath: typeof options.key === 'string' ? options.key : null, env });
}

/** Creates `<log dir>/<run id>` with a new journal. */
export async function createRunLog({ runId, runbookBytes, options, env, runbookDir }: { runId: string; runbookBytes: Uint8Array; options: OptionValues; env: Record<string, string | undefined>; runbookDir: string }): Promise<RunLog> {
  const { createJournal } = await import('../journal/index.js');
  const signer = await loadSigner(options, env);
  const principal = await getPrincipal(env, typeof options.as === 'string' ? options.as : null, runbookDir);
  const logDir = resolve(typeof options['log-dir'] === 'string' ? options['log-dir'] : join('.litops', 'runs'));
  await mkdir(logDir, { recursive: true });
  const runDir = join(logDir, runId);
  const journal = await createJournal({ runDir, runbookBytes, signer, principal, gitCommit: await getGitCommit(runbookDir) });
  return wrapJournal(journal, runDir);
}

/** Serialises a journal's sink and ends it as finished or interrupted. */
export function wrapJournal(journal: Journal, runDir: string): RunLog {
  let chain: Promise<void> = Promise.resolve();
  return {
    runDir,
    write(event) {
      chain = chain.then(() => journal.sink(event));
      return chain;
    },
    async finish(ended, reason) {
      await chain.catch(() => undefined);
      await (ended ? journal.finish() : journal.abort(reason));
    },
  };
}
