import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '../../model/errors.js';
import { RunEventSchema, type EventOf, type RunEvent } from '../../model/events.js';

/** A run directory read back for `replay`: its events (validated), and what identifies it. */
export interface RecordedRun {
  /** Absolute path of the run directory. */
  runDir: string;
  runStart: EventOf<'run.start'>;
  /** The executor's events in log order; the journal's own lines (checkpoint, run.resume) are left out. */
  events: RunEvent[];
  /** Hex sha256 of events.jsonl exactly as read (a torn last line included). */
  sha256OfEvents: string;
}

const EVENT_TYPES: ReadonlySet<string> = new Set(RunEventSchema.options.map((option) => option.shape.type.value));

/**
 * Reads `<runDir>/events.jsonl`: every complete line, the executor's events
 * validated against their schemas (fields the journal adds are dropped). A line
 * that is not a valid event is a usage error naming it.
 */
export async function readRecordedRun(path: string): Promise<RecordedRun> {
  const runDir = resolve(path);
  if (!(await stat(runDir).catch(() => null))?.isDirectory()) throw new UsageError(`${path}: not a run directory (no such directory)`);
  const bytes = await readFile(join(runDir, 'events.jsonl')).catch((error: unknown) => {
    throw new UsageError(`${path}: no readable events.jsonl; not a run directory`, { cause: error });
  });
  const text = bytes.toString('utf8');
  const complete = text.endsWith('\n') ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  const events: RunEvent[] = [];
  complete.split('\n').forEach((line, index) => {
    if (!line) return;
    const where = `${path}/events.jsonl line ${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new UsageError(`${where}: not JSON`, { cause: error });
    }
    const type = (value as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !EVENT_TYPES.has(type)) return;
    const parsed = RunEventSchema.safeParse(value);
    if (!parsed.success) throw new UsageError(`${where}: not a valid ${type} event (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? 'invalid'})`);
    events.push(parsed.data);
  });
  const runStart = events[0];
  if (runStart?.type !== 'run.start') throw new UsageError(`${path}: its log does not start with run.start; nothing to replay`);
  return { runDir, runStart, events, sha256OfEvents: createHash('sha256').update(bytes).digest('hex') };
}
