import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CellEndEventSchema, SqlStatementResultSchema, type EventOf, type SqlStatementResult } from '../../model/events.js';
import { getOutPath } from '../run-dir-layout.js';
import type { ChainedLine } from '../verify/read-event-chain.js';

/** The last 8 MiB of an out file are kept, as a running cell keeps them for its checks. */
const MAX_KEPT_BYTES = 8 * 1024 * 1024;

/** A cell's latest finished attempt as the log holds it: its `cell.end` and its (redacted) out files. */
export interface LoggedCellResult {
  end: EventOf<'cell.end'>;
  /** How many attempts the log holds of this cell (its own attempt count). */
  attempts: number;
  stdout: string;
  stderr: string;
  /** SQL cells: `out/<n>.result.json`; null for shell cells, or when it is missing or unreadable. */
  sql: SqlStatementResult[] | null;
}

/**
 * The latest `cell.end` of every cell in the whole log (every segment, before
 * and after each `run.resume`), with its out files, so what ran before an
 * interruption still counts. A cell whose latest end is `cancelled` has not
 * finished and is left out: it runs again.
 */
export async function readCellResults(runDir: string, lines: readonly ChainedLine[]): Promise<Map<string, LoggedCellResult>> {
  const latest = new Map<string, EventOf<'cell.end'>>();
  const attempts = new Map<string, number>();
  for (const line of lines) {
    if (line.record.type === 'cell.start') attempts.set(String(line.record.cell), (attempts.get(String(line.record.cell)) ?? 0) + 1);
    if (line.record.type !== 'cell.end') continue;
    const parsed = CellEndEventSchema.safeParse(line.record);
    if (parsed.success) latest.set(parsed.data.cell, parsed.data);
  }
  const results = new Map<string, LoggedCellResult>();
  for (const [cell, end] of latest) {
    if (end.status === 'cancelled') continue;
    const [stdout, stderr, sql] = await Promise.all([readTail(join(runDir, getOutPath(end.attempt, 'stdout'))), readTail(join(runDir, getOutPath(end.attempt, 'stderr'))), readSql(join(runDir, getOutPath(end.attempt, 'result')))]);
    results.set(cell, { end, attempts: attempts.get(cell) ?? 1, stdout, stderr, sql });
  }
  return results;
}

async function readTail(path: string): Promise<string> {
  const handle = await open(path, 'r').catch(() => null);
  if (!handle) return '';
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, MAX_KEPT_BYTES);
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, size - length);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

async function readSql(path: string): Promise<SqlStatementResult[] | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const parsed = SqlStatementResultSchema.array().safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
