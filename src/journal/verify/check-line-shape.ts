import type { z } from 'zod';
import type { LineRecord } from '../format-event-line.js';
import { CellEndLineSchema, CellStartLineSchema, CheckpointLineSchema, RunResumeLineSchema, RunStartLineSchema } from '../journal-lines.js';
import { classifyRunDirPath, getOutPath, type OutFileKind } from '../run-dir-layout.js';
import { getFingerprint } from '../signing/index.js';

/**
 * Checks the fields the journal itself writes on a line (the executor's own
 * fields are the executor's business): `run.start` first and once, its `prev`
 * the runbook's hash, key fingerprints that match their keys, out file paths
 * that match their attempts. Null when the line is well-formed, else why not.
 */
export function checkLineShape(record: LineRecord, index: number): string | null {
  if (index === 0 && record.type !== 'run.start') return `the log must start with run.start, not ${record.type}`;
  switch (record.type) {
    case 'run.start': {
      if (index !== 0) return 'a second run.start';
      const parsed = RunStartLineSchema.safeParse(record);
      if (!parsed.success) return `run.start has no valid ${describeIssue(parsed.error)}`;
      if (record.prev !== `sha256:${parsed.data.runbook.sha256}`) return 'prev is not the hash of the runbook that run.start names';
      return checkFingerprint(parsed.data);
    }
    case 'run.resume': {
      const parsed = RunResumeLineSchema.safeParse(record);
      if (!parsed.success) return `run.resume has no valid ${describeIssue(parsed.error)}`;
      for (const interrupted of parsed.data.interruptedCells) {
        const wrong = interrupted.files.find((file) => !isOutFileOf(file.path, interrupted.attempt));
        if (wrong) return `run.resume records ${wrong.path} for attempt ${interrupted.attempt}`;
      }
      const wrong = parsed.data.tornLines.find((file) => classifyRunDirPath(file.path).kind !== 'torn');
      if (wrong) return `run.resume records ${wrong.path} as a torn line`;
      return checkFingerprint(parsed.data);
    }
    case 'cell.start': {
      const parsed = CellStartLineSchema.safeParse(record);
      return parsed.success ? null : `cell.start has no valid ${describeIssue(parsed.error)}`;
    }
    case 'cell.end': {
      const parsed = CellEndLineSchema.safeParse(record);
      if (!parsed.success) return `cell.end has no valid ${describeIssue(parsed.error)}`;
      for (const [kind, file] of Object.entries(parsed.data.files)) {
        if (file && file.path !== getOutPath(parsed.data.attempt, kind as OutFileKind)) return `cell.end records ${file.path} as the ${kind} of attempt ${parsed.data.attempt}`;
      }
      return null;
    }
    case 'checkpoint': {
      const parsed = CheckpointLineSchema.safeParse(record);
      return parsed.success ? null : `checkpoint has no valid ${describeIssue(parsed.error)}`;
    }
    default:
      return null;
  }
}

/** `seq (Invalid input...)`: the first field a zod error is about. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'value'} (${issue.message})` : 'value';
}

function checkFingerprint(line: { publicKey: string; keyFingerprint: string }): string | null {
  let fingerprint: string;
  try {
    fingerprint = getFingerprint(line.publicKey);
  } catch {
    return 'publicKey is not a valid public key';
  }
  return fingerprint === line.keyFingerprint ? null : `keyFingerprint ${line.keyFingerprint} is not the fingerprint of publicKey (${fingerprint})`;
}

function isOutFileOf(path: string, attempt: number): boolean {
  const entry = classifyRunDirPath(path);
  return entry.kind === 'out' && entry.attempt === attempt;
}
