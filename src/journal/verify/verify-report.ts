/** What `verifyRunDir` found. */
export interface VerifyReport {
  /**
   * `valid`: intact, complete and signed by a named key. `tampered`: something
   * does not match (or the signer is not allowed, or `--runbook` differs).
   * `incomplete`: intact but cut off (no `run.end`, a torn last line, no
   * SHA256SUMS or no signature over it). `unsigned`: intact and complete but
   * signed with an ephemeral key, which proves integrity, not who ran it.
   */
  status: 'valid' | 'tampered' | 'incomplete' | 'unsigned';
  /** 0 valid, 1 tampered, 4 incomplete or unsigned (design.md's exit codes). */
  exitCode: 0 | 1 | 4;
  /** Tampered: the first bad line or file and why. Otherwise why it is incomplete or unsigned. */
  problems: string[];
  /** What was checked and found good, one human line each, in the order checked. */
  checked: string[];
  /** Who signed, from `run.start` (null when there is no readable `run.start`). */
  signer: { principal: string; fingerprint: string; ephemeral: boolean } | null;
  /**
   * `seq`: the last line such that it and everything before it (lines, chain,
   * the out files they record, checkpoints) checked out; -1 for none.
   * `checkpointSeq`: the last checkpoint at or before it whose signature verified.
   */
  intactThrough: { seq: number; checkpointSeq: number | null };
}

/** The exit code of a status. */
export function getVerifyExitCode(status: VerifyReport['status']): VerifyReport['exitCode'] {
  return status === 'valid' ? 0 : status === 'tampered' ? 1 : 4;
}
