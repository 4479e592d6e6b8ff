import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getLineHash } from '../digest.js';
import type { LineRecord } from '../format-event-line.js';
import { LineHeadSchema } from '../journal-lines.js';
import { EVENTS_FILE } from '../run-dir-layout.js';
import { checkLineShape, describeIssue } from './check-line-shape.js';

/** A complete, chained line of events.jsonl. */
export interface ChainedLine {
  /** 1-based line number (`seq + 1`). */
  number: number;
  record: LineRecord;
  /** The line's bytes without its newline, and their hash (what the next `prev` must be). */
  bytes: Buffer;
  hash: string;
}

/** What reading events.jsonl found. */
export interface EventChain {
  /** False when events.jsonl does not exist. */
  exists: boolean;
  /** The lines that parse, are numbered right and chain, up to the first that does not. */
  lines: ChainedLine[];
  /** The first bad line and why (tampering), or null. */
  problem: string | null;
  /** A last line without its newline (a crash cut it off): its line number and bytes. */
  torn: { number: number; offset: number; bytes: Buffer } | null;
  /** Byte length of the complete lines before the torn one. */
  completeBytes: number;
}

/**
 * Reads events.jsonl and walks it line by line: each must parse as a JSON
 * object with `seq`, `ts`, `type`, `prev`, carry the next `seq`, and `prev` the
 * hash of the line before (for line 1: of the runbook `run.start` names); the
 * journal's own fields must have their shape. Stops at the first bad line.
 */
export async function readEventChain(runDir: string): Promise<EventChain> {
  let data: Buffer;
  try {
    data = await readFile(join(runDir, EVENTS_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { exists: false, lines: [], problem: null, torn: null, completeBytes: 0 };
    throw error;
  }
  const lines: ChainedLine[] = [];
  let offset = 0;
  while (offset < data.length) {
    const newline = data.indexOf(0x0a, offset);
    const number = lines.length + 1;
    if (newline === -1) return { exists: true, lines, problem: null, torn: { number, offset, bytes: data.subarray(offset) }, completeBytes: offset };
    const bytes = data.subarray(offset, newline);
    const problem = checkLine(bytes, lines.length, lines.at(-1));
    if (typeof problem === 'string') return { exists: true, lines, problem: `${EVENTS_FILE} line ${number}: ${problem}`, torn: null, completeBytes: offset };
    lines.push({ number, record: problem, bytes, hash: getLineHash(bytes) });
    offset = newline + 1;
  }
  return { exists: true, lines, problem: null, torn: null, completeBytes: offset };
}

/** The parsed record, or why the line is bad. */
function checkLine(bytes: Buffer, index: number, previous: ChainedLine | undefined): LineRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    return `not valid JSON (${(error as Error).message})`;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  if (!bytes.equals(Buffer.from(bytes.toString('utf8'), 'utf8'))) return 'not valid UTF-8';
  const head = LineHeadSchema.safeParse(value);
  if (!head.success) return `no valid ${describeIssue(head.error)}`;
  const record = head.data as LineRecord;
  if (record.seq !== index) return `seq is ${record.seq}, expected ${index} (a line is missing, repeated or out of order)`;
  if (previous && record.prev !== previous.hash) return `prev does not match the hash of line ${previous.number}`;
  return checkLineShape(record, index) ?? record;
}
