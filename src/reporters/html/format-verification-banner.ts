import type { VerifyReport } from '../../journal/index.js';
import { html, type SafeHtml } from './html.js';

const TITLES: Record<VerifyReport['status'], string> = {
  valid: '✔ Verified: the log is intact, complete and signed',
  unsigned: '⚠ Unsigned: intact, but signed with an ephemeral key',
  incomplete: '⚠ Incomplete: intact as far as it goes',
  tampered: '✖ TAMPERED: the log or its files do not match',
};

const EXPLANATIONS: Record<VerifyReport['status'], string> = {
  valid: 'Every line of the hash chain, every recorded file and every signature checked out.',
  unsigned: 'An ephemeral key proves that nothing changed after signing, not who ran the run.',
  incomplete: 'The log does not reach the run\'s end (the run was interrupted, or cut off), or it was not signed at the end. What is shown is what the log holds.',
  tampered: 'Do not rely on what this report shows past the point named below: it is shown as read.',
};

/** The verification result at the top of the report: green valid, amber incomplete or unsigned, red tampered. */
export function formatVerificationBanner(verification: VerifyReport): SafeHtml {
  const { status, signer, problems, checked, intactThrough } = verification;
  const signedBy = signer
    ? html`<p>Signed by <code>${signer.principal}</code> with key <code>${signer.fingerprint}</code>${signer.ephemeral ? html` <strong class="warn-text">(ephemeral key)</strong>` : ''}.</p>`
    : html`<p>No readable signer.</p>`;
  const intact = status === 'valid' ? '' : html`<p>Intact through event ${intactThrough.seq}${intactThrough.checkpointSeq === null ? '' : html`, last verified checkpoint at event ${intactThrough.checkpointSeq}`}.</p>`;
  return html`<section class="banner banner-${status}" id="verification" aria-label="Verification">
<p class="banner-title">${TITLES[status] ?? status}</p>
<p>Verification status: <strong>${status.toUpperCase()}</strong> (exit ${verification.exitCode}). ${EXPLANATIONS[status] ?? ''}</p>
${signedBy}${intact}
${problems.length ? html`<p><strong>Problems:</strong></p><ul class="problems">${problems.map((problem) => html`<li>${problem}</li>`)}</ul>` : ''}
${checked.length ? html`<details><summary>What was checked (${checked.length})</summary><ul>${checked.map((line) => html`<li>${line}</li>`)}</ul></details>` : ''}
</section>`;
}
