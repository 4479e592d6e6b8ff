import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJournal, type Journal, type Signer } from '../../../src/journal/index.js';
import type { RunEvent } from '../../../src/model/events.js';
import { createClock, RUNBOOK_BYTES } from './synthetic-run.js';

/** A fresh temporary directory. */
export function makeTempDir(prefix = 'litops-journal-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Writes `events` through a new journal in `runDir`; finishes it unless told not to. */
export async function writeRun(runDir: string, signer: Signer, events: RunEvent[], options: { finish?: boolean; principal?: string } = {}): Promise<Journal> {
  const journal = await createJournal({ runDir, runbookBytes: RUNBOOK_BYTES, signer, principal: options.principal ?? 'alice@example.com', gitCommit: '0123456789abcdef0123456789abcdef01234567', now: createClock('2025-01-02T04:00:00.000Z') });
  for (const event of events) await journal.sink(event);
  if (options.finish ?? true) await journal.finish();
  return journal;
}

/** A copy of a run directory to tamper with. */
export async function copyRunDir(from: string, parent: string, name: string): Promise<string> {
  const to = join(parent, name);
  await cp(from, to, { recursive: true });
  return to;
}
