/**
 * Names of the files in a run directory (design.md, "The run directory") and how
 * to tell a file that belongs there from one that does not.
 */

/** The SSHSIG namespace of every litops signature (`ssh-keygen -Y verify -n litops`). */
export const SIGNATURE_NAMESPACE = 'litops';

export const RUNBOOK_FILE = 'runbook.md';
export const EVENTS_FILE = 'events.jsonl';
export const SUMS_FILE = 'SHA256SUMS';
export const SIG_FILE = 'SHA256SUMS.sig';
export const OUT_DIR = 'out';

/** The files one cell attempt leaves in `out/`; `result` (`.result.json`) only for SQL cells. */
export type OutFileKind = 'stdout' | 'stderr' | 'cast' | 'result';

const OUT_SUFFIX: Record<OutFileKind, string> = { stdout: 'stdout', stderr: 'stderr', cast: 'cast', result: 'result.json' };

/** What a path relative to the run directory is. */
export type RunDirEntry =
  | { kind: 'runbook' | 'events' | 'sums' | 'sig' }
  | { kind: 'out'; attempt: number; file: OutFileKind }
  | { kind: 'torn'; index: number }
  | { kind: 'unknown' };

/** `out/<attempt>.stdout` and the like, relative to the run directory, `/`-separated. */
export function getOutPath(attempt: number, file: OutFileKind): string {
  return `${OUT_DIR}/${attempt}.${OUT_SUFFIX[file]}`;
}

/** `events.jsonl.torn-<index>`: the bytes of a line a crash cut off, kept by `resume`. */
export function getTornPath(index: number): string {
  return `${EVENTS_FILE}.torn-${index}`;
}

/** Classifies a `/`-separated path relative to the run directory. */
export function classifyRunDirPath(path: string): RunDirEntry {
  if (path === RUNBOOK_FILE) return { kind: 'runbook' };
  if (path === EVENTS_FILE) return { kind: 'events' };
  if (path === SUMS_FILE) return { kind: 'sums' };
  if (path === SIG_FILE) return { kind: 'sig' };
  const torn = /^events\.jsonl\.torn-([1-9][0-9]{0,8})$/.exec(path);
  if (torn) return { kind: 'torn', index: Number(torn[1]) };
  const out = /^out\/([1-9][0-9]{0,8})\.(stdout|stderr|cast|result\.json)$/.exec(path);
  if (out) return { kind: 'out', attempt: Number(out[1]), file: out[2] === 'result.json' ? 'result' : (out[2] as OutFileKind) };
  return { kind: 'unknown' };
}
