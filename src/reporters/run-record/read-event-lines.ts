import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EventLineRecord } from './run-record.js';

/**
 * The complete lines of `events.jsonl` (each ended by a newline), parsed, up to
 * the first that is not a JSON object with `seq`, `ts` and `type`: a torn last
 * line or a garbled one ends the list (verification says which).
 */
export async function readEventLines(runDir: string): Promise<EventLineRecord[]> {
  const text = await readFile(join(runDir, 'events.jsonl'), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  const lines: EventLineRecord[] = [];
  for (const line of complete.split('\n').slice(0, -1)) {
    const record = parseLine(line);
    if (!record) break;
    lines.push(record);
  }
  return lines;
}

function parseLine(line: string): EventLineRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.seq !== 'number' || typeof record.ts !== 'string' || typeof record.type !== 'string') return null;
  return record as EventLineRecord;
}
