import type { Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { getLineHash, type Digest } from '../digest.js';
import { formatEventLine } from '../format-event-line.js';
import { writeAll } from './write-all.js';

/** What a line is made of before the log adds `seq` and `prev`. */
export type LineInput = { ts: string; type: string } & Record<string, unknown>;

/** events.jsonl open for appending: the next `seq`, the chain head, the file's running digest. */
export interface EventLog {
  /** The `seq` the next line gets. */
  readonly nextSeq: number;
  /** The `prev` the next line gets: the hash of the last line (of runbook.md before the first). */
  readonly head: string;
  /** Appends one line (not fsynced); its seq and the hash of its bytes. */
  append(input: LineInput): Promise<{ seq: number; hash: string }>;
  sync(): Promise<void>;
  /** Size and sha256 of the whole file as written so far. */
  digest(): Digest;
  close(): Promise<void>;
}

/** Where the chain stands when the log is opened. */
export interface EventLogStart {
  handle: FileHandle;
  nextSeq: number;
  head: string;
  /** sha256 of the bytes already in the file, and their count. */
  hash: Hash;
  bytes: number;
}

/** Wraps an events.jsonl handle opened for appending. Calls must not overlap. */
export function createEventLog(start: EventLogStart): EventLog {
  const { handle, hash } = start;
  let nextSeq = start.nextSeq;
  let head = start.head;
  let bytes = start.bytes;
  let closed = false;
  return {
    get nextSeq() {
      return nextSeq;
    },
    get head() {
      return head;
    },
    async append(input) {
      const line = Buffer.from(formatEventLine({ ...input, seq: nextSeq, prev: head }), 'utf8');
      const withNewline = Buffer.concat([line, Buffer.from('\n')]);
      await writeAll(handle, withNewline);
      hash.update(withNewline);
      bytes += withNewline.length;
      head = getLineHash(line);
      return { seq: nextSeq++, hash: head };
    },
    sync: () => handle.sync(),
    digest: () => ({ bytes, sha256: hash.copy().digest('hex') }),
    async close() {
      if (closed) return;
      closed = true;
      await handle.sync();
      await handle.close();
    },
  };
}
