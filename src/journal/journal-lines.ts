import { z } from 'zod';
import { CellStatusSchema, type EventOf, type RunEvent } from '../model/events.js';

/**
 * What the journal adds to the executor's events on disk, as zod schemas: read
 * back by `verify` and `resume` (validated once, at that edge). Objects are
 * loose: the executor's own fields pass through untouched.
 */
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits');
const lineHash = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'expected "sha256:" and 64 lowercase hex digits');
const attempt = z.number().int().min(1);

/** A file of the run directory: relative path, size and sha256 (hex). */
export const FileDigestSchema = z.object({ path: z.string(), bytes: z.number().int().min(0), sha256: hex64 });

/** Every line: `seq`, `ts`, `type`, `prev`. */
export const LineHeadSchema = z.looseObject({ seq: z.number().int().min(0), ts: z.string(), type: z.string().min(1), prev: lineHash });

/** Who signs from this line on (`run.start`, `run.resume`). */
const signerFields = {
  principal: z.string().min(1),
  publicKey: z.string().regex(/^[a-z0-9@.-]+ [A-Za-z0-9+/=]+( .*)?$/, 'expected an OpenSSH public key line'),
  keyFingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]+$/),
  ephemeralKey: z.boolean(),
};

export const RunStartLineSchema = z.looseObject({
  ...signerFields,
  runId: z.string(),
  runbook: z.looseObject({ sha256: hex64 }),
  gitCommit: z.string().nullable(),
});

export const CellStartLineSchema = z.looseObject({ attempt, cell: z.string(), step: z.string(), lang: z.enum(['shell', 'sql']) });

export const CellEndLineSchema = z.looseObject({
  attempt,
  cell: z.string(),
  status: CellStatusSchema,
  files: z.object({ stdout: FileDigestSchema, stderr: FileDigestSchema, cast: FileDigestSchema, result: FileDigestSchema.optional() }),
});

export const CheckpointLineSchema = z.looseObject({ head: lineHash, signature: z.string().min(1) });

/** A cell attempt a crash (or an abort) cut off, and the files it left. `cell` is null when its `cell.start` line was lost. */
export const InterruptedCellSchema = z.object({ attempt, cell: z.string().nullable(), step: z.string().nullable(), files: z.array(FileDigestSchema) });

export const RunResumeLineSchema = z.looseObject({
  ...signerFields,
  resumedAt: z.string(),
  previousSeq: z.number().int().min(-1),
  reason: z.string(),
  interruptedCells: z.array(InterruptedCellSchema),
  tornLines: z.array(FileDigestSchema),
});

export type FileDigestRecord = z.infer<typeof FileDigestSchema>;
export type InterruptedCell = z.infer<typeof InterruptedCellSchema>;

/** The chain fields every line of events.jsonl carries. */
export interface ChainFields {
  seq: number;
  prev: string;
}

/** The signer fields `run.start` and `run.resume` carry. */
export interface SignerFields {
  principal: string;
  publicKey: string;
  keyFingerprint: string;
  ephemeralKey: boolean;
}

/** `run.start` as written: the executor's event, the signer, and the git commit. */
export type RunStartLine = EventOf<'run.start'> & ChainFields & SignerFields & { gitCommit: string | null };
/** `cell.end` as written: with the digests of the attempt's out files. */
export type CellEndLine = EventOf<'cell.end'> & ChainFields & { files: { stdout: FileDigestRecord; stderr: FileDigestRecord; cast: FileDigestRecord; result?: FileDigestRecord } };
/** A signature over the chain head (the hash of the `cell.end` line before it). */
export type CheckpointLine = ChainFields & { ts: string; type: 'checkpoint'; head: string; signature: string };
/** Where a resumed run picked up again. */
export type RunResumeLine = ChainFields & SignerFields & {
  ts: string;
  type: 'run.resume';
  resumedAt: string;
  previousSeq: number;
  reason: string;
  interruptedCells: InterruptedCell[];
  tornLines: FileDigestRecord[];
};
/** Any line of events.jsonl. */
export type JournalLine = (Exclude<RunEvent, { type: 'run.start' | 'cell.end' }> & ChainFields) | RunStartLine | CellEndLine | CheckpointLine | RunResumeLine;
