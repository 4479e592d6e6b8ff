import type { VerifyReport } from './verify-report.js';

const HEADLINE: Record<VerifyReport['status'], string> = {
  valid: 'valid: intact, complete and signed',
  tampered: 'TAMPERED: verification failed',
  incomplete: 'incomplete: intact, but the run was not finished and signed',
  unsigned: 'unsigned: intact and complete, but signed with an ephemeral key',
};

/** The report as `litops verify` prints it: headline, signer, problems, then what was checked. */
export function formatVerifyReport(report: VerifyReport): string {
  const lines = [`${HEADLINE[report.status]} (exit ${report.exitCode})`];
  if (report.signer) lines.push(`signer: ${report.signer.principal}, ${report.signer.ephemeral ? 'ephemeral key' : 'key'} ${report.signer.fingerprint}`);
  const { seq, checkpointSeq } = report.intactThrough;
  const checkpoint = checkpointSeq === null ? 'no checkpoint signature verified' : `last verified checkpoint at seq ${checkpointSeq}`;
  const whole = report.status === 'valid' || report.status === 'unsigned';
  lines.push(whole ? `intact and signed through seq ${seq} (SHA256SUMS.sig); ${checkpoint}` : `intact through seq ${seq}; ${checkpoint}`);
  if (report.problems.length) lines.push(report.status === 'tampered' ? 'first problem:' : 'why:', ...report.problems.map((problem) => `  ✗ ${problem}`));
  if (report.checked.length) lines.push('checked:', ...report.checked.map((item) => `  ✓ ${item}`));
  return `${lines.join('\n')}\n`;
}
