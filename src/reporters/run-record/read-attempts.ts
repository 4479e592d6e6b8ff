import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { SqlStatementResultSchema, type EventOf, type RunEvent, type SqlStatementResult } from '../../model/events.js';
import { readBoundedText } from './read-out-file.js';
import { MAX_OUT_BYTES, type AttemptRecord } from './run-record.js';

const SqlResultsSchema = z.array(SqlStatementResultSchema);

/** Every attempt (`cell.start`) with its `cell.end` and its out files, in the order they started. */
export async function readAttempts(runDir: string, events: readonly RunEvent[]): Promise<AttemptRecord[]> {
  const ends = new Map<number, EventOf<'cell.end'>>();
  for (const event of events) if (event.type === 'cell.end') ends.set(event.attempt, event);
  const starts = events.filter((event): event is EventOf<'cell.start'> => event.type === 'cell.start');
  return Promise.all(starts.map((start) => readAttempt(runDir, start, ends.get(start.attempt) ?? null)));
}

async function readAttempt(runDir: string, start: EventOf<'cell.start'>, end: EventOf<'cell.end'> | null): Promise<AttemptRecord> {
  const base = join(runDir, 'out', String(start.attempt));
  const [stdout, stderr, sql] = await Promise.all([
    readBoundedText(`${base}.stdout`, MAX_OUT_BYTES),
    readBoundedText(`${base}.stderr`, MAX_OUT_BYTES),
    start.lang === 'sql' ? readSqlResults(`${base}.result.json`) : null,
  ]);
  return {
    attempt: start.attempt,
    cellId: start.cell,
    start,
    end: end && end.cell === start.cell ? end : null,
    stdout: stdout.text,
    stderr: stderr.text,
    truncated: stdout.truncated || stderr.truncated,
    sql,
    edited: start.originalSha256 !== null,
  };
}

/** `out/<n>.result.json`, validated; null when missing or not a list of statement results. */
async function readSqlResults(path: string): Promise<SqlStatementResult[] | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const parsed = SqlResultsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
