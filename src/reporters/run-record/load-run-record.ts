import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { verifyRunDir } from '../../journal/index.js';
import { LitopsError } from '../../model/errors.js';
import type { EventOf, RunEvent } from '../../model/events.js';
import { loadSqlParser, parseRunbookSync } from '../../parser/index.js';
import { buildCellRecords } from './build-cell-records.js';
import { buildCriterionRecords } from './build-criterion-records.js';
import { parseRunEvents, parseRunStart } from './parse-events.js';
import { readAttempts } from './read-attempts.js';
import { readEventLines } from './read-event-lines.js';
import type { RunRecord } from './run-record.js';

/**
 * Reads a run directory into a {@link RunRecord}: verifies it first (the record
 * carries the report, whatever it says), then reads the complete lines of
 * events.jsonl, parses runbook.md, and reads each attempt's out files (at most
 * 1 MiB per stream). A tampered run is still read as far as it can be.
 *
 * Throws `UsageError` when `runDir` is not a directory, and a `LitopsError`
 * (code `run-record-unreadable`) when there is no readable `run.start` or no runbook.md.
 */
export async function loadRunRecord(runDir: string): Promise<RunRecord> {
  const verification = await verifyRunDir(runDir);
  const lines = await readEventLines(runDir);
  const start = parseRunStart(lines[0]);
  if (typeof start === 'string') throw unreadable(runDir, start);
  const bytes = await readFile(join(runDir, 'runbook.md')).catch((error: unknown) => {
    throw unreadable(runDir, `runbook.md cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, error);
  });
  const runbookBytes = new Uint8Array(bytes);
  await loadSqlParser();
  const { runbook } = parseRunbookSync(new TextDecoder().decode(runbookBytes), { path: start.runbook.path, bytes: runbookBytes });
  const events = parseRunEvents(lines);
  const attempts = await readAttempts(runDir, events);
  return {
    runDir,
    verification,
    runbook,
    runbookBytes,
    start,
    end: findRunEnd(lines.map((line) => line.type), events),
    resumes: lines.filter((line) => line.type === 'run.resume'),
    events: lines,
    cells: buildCellRecords({ runbook, plan: start.plan, events, attempts }),
    criteria: buildCriterionRecords(runbook, start.plan, events),
    decisions: events.filter((event): event is EventOf<'decision'> => event.type === 'decision'),
    notices: events.filter((event): event is EventOf<'run.notice'> => event.type === 'run.notice'),
  };
}

/** The last `run.end`, unless a `run.resume` follows it (the resumed run has not ended). */
function findRunEnd(types: readonly string[], events: readonly RunEvent[]): EventOf<'run.end'> | null {
  if (types.lastIndexOf('run.resume') > types.lastIndexOf('run.end')) return null;
  return events.findLast((event): event is EventOf<'run.end'> => event.type === 'run.end') ?? null;
}

function unreadable(runDir: string, why: string, cause?: unknown): LitopsError {
  return new LitopsError('run-record-unreadable', `${runDir}: cannot read the run (${why})`, cause === undefined ? {} : { cause });
}
