import { join } from 'node:path';
import type { SqlStatementResult } from '../../model/events.js';
import type { FileDigest } from '../digest.js';
import { getOutPath, type OutFileKind } from '../run-dir-layout.js';
import { createHashingFile, type HashingFile } from './create-hashing-file.js';
import { formatCastFrame, formatCastHeader, type CastSize } from './format-cast.js';

/** The digests a `cell.end` line records, by kind. */
export type AttemptFileDigests = Partial<Record<OutFileKind, FileDigest>> & { stdout: FileDigest; stderr: FileDigest; cast: FileDigest };

/** The out files of one cell attempt while it runs. */
export interface AttemptFiles {
  readonly attempt: number;
  readonly cell: string;
  /** Appends a chunk of (redacted) output to its stream's file and to the cast. */
  write(stream: 'stdout' | 'stderr', data: string, ts: string): Promise<void>;
  addStatement(result: SqlStatementResult): void;
  /** Writes `result.json` (SQL), fsyncs and closes every file; their digests. */
  close(): Promise<AttemptFileDigests>;
  /** For an abort: fsyncs and closes what was written, without `result.json`. */
  abandon(): Promise<FileDigest[]>;
}

/** Options of {@link createAttemptFiles}. */
export interface AttemptFilesOptions {
  runDir: string;
  attempt: number;
  /** The cell's own attempt (1 on its first run), shown in the cast's title; default: `attempt`. */
  cellAttempt?: number;
  cell: string;
  lang: 'shell' | 'sql';
  /** The `ts` of `cell.start`: time zero of the cast. */
  startedAt: string;
  castSize: CastSize;
}

/** Creates `out/<attempt>.stdout`, `.stderr` and `.cast` (with its header). They must not exist. */
export async function createAttemptFiles(options: AttemptFilesOptions): Promise<AttemptFiles> {
  const { runDir, attempt, cell } = options;
  const open = (kind: OutFileKind) => createHashingFile(join(runDir, getOutPath(attempt, kind)), getOutPath(attempt, kind));
  const files: Record<'stdout' | 'stderr' | 'cast', HashingFile> = { stdout: await open('stdout'), stderr: await open('stderr'), cast: await open('cast') };
  const start = Date.parse(options.startedAt);
  const startedAt = Number.isNaN(start) ? new Date(0) : new Date(start);
  await files.cast.append(`${formatCastHeader({ size: options.castSize, startedAt, title: `${cell} (attempt ${options.cellAttempt ?? attempt})` })}\n`);
  const statements: SqlStatementResult[] = [];
  let elapsed = 0;
  return {
    attempt,
    cell,
    async write(stream, data, ts) {
      if (!data) return;
      const at = Date.parse(ts);
      // Never backwards: asciinema needs non-decreasing times.
      if (!Number.isNaN(at) && !Number.isNaN(start)) elapsed = Math.max(elapsed, (at - start) / 1000);
      await files[stream].append(data);
      await files.cast.append(`${formatCastFrame(elapsed, data)}\n`);
    },
    addStatement(result) {
      statements.push(result);
    },
    async close() {
      const digests: AttemptFileDigests = { stdout: await files.stdout.close(), stderr: await files.stderr.close(), cast: await files.cast.close() };
      if (options.lang === 'sql') {
        const result = await open('result');
        await result.append(`${JSON.stringify(statements, replaceBigInt, 2)}\n`);
        digests.result = await result.close();
      }
      return digests;
    },
    async abandon() {
      return [await files.stdout.close(), await files.stderr.close(), await files.cast.close()];
    },
  };
}

function replaceBigInt(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
