import { z } from 'zod';
import { RunEventSchema, RunStartEventSchema, type RunEvent } from '../../model/events.js';
import type { EventLineRecord, RunStartRecord } from './run-record.js';

/** `run.start` as the journal writes it: the executor's event, the signer and the git commit. */
const RunStartRecordSchema = RunStartEventSchema.extend({
  principal: z.string(),
  publicKey: z.string(),
  keyFingerprint: z.string(),
  ephemeralKey: z.boolean(),
  gitCommit: z.string().nullable(),
});

/** The first line as a `run.start` record, or why it is not one. */
export function parseRunStart(line: EventLineRecord | undefined): RunStartRecord | string {
  if (!line) return 'events.jsonl has no complete line';
  if (line.type !== 'run.start') return `events.jsonl line 1 is ${line.type}, not run.start`;
  const parsed = RunStartRecordSchema.safeParse(line);
  if (!parsed.success) return `events.jsonl line 1: run.start is malformed (${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? ''})`;
  return parsed.data;
}

/**
 * The executor's events among the lines, validated (this is the edge where they
 * come back from disk). Journal-only lines (`checkpoint`, `run.resume`) and
 * lines that do not match their event's schema are left out; the raw lines
 * keep them.
 */
export function parseRunEvents(lines: readonly EventLineRecord[]): RunEvent[] {
  const events: RunEvent[] = [];
  for (const line of lines) {
    const parsed = RunEventSchema.safeParse(line);
    if (parsed.success) events.push(parsed.data);
  }
  return events;
}
