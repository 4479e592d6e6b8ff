import { inspectRunDir, type VerifyOptions } from './inspect-run-dir.js';
import type { VerifyReport } from './verify-report.js';

/**
 * Verifies a run directory offline (`litops verify`): the hash chain, every
 * digest, every signature, runbook.md against run.start, and optionally the
 * allowed signers and the runbook file. Tampering is a report (exit 1), not an
 * exception; only a missing directory, one with nothing of a run in it, or an
 * invalid allowed_signers text throw.
 */
export async function verifyRunDir(runDir: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  return (await inspectRunDir(runDir, options)).report;
}
