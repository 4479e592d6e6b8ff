import { ExitCode } from '../../model/errors.js';
import type { CommandSpec } from '../command-spec.js';

/** `litops verify RUNDIR`, declared as data; the handler is `./verify.js`. */
export const verifySpec: CommandSpec = {
  name: 'verify',
  summary: "check a run directory's hash chain, digests and signatures",
  description: [
    'Checks a run directory offline: every event line and its hash chain, that runbook.md is',
    'the runbook run.start names, every output file against its digest, every checkpoint',
    'signature, SHA256SUMS and its SSH signature; with --allowed-signers (OpenSSH format) that',
    'the principal may sign with that key; with --runbook that FILE is the runbook that was run.',
    'It prints what it checked and who signed. The same can be checked with stock tools:',
    '  sha256sum -c SHA256SUMS',
    '  ssh-keygen -Y verify -f allowed_signers -I PRINCIPAL -n litops -s SHA256SUMS.sig < SHA256SUMS',
  ].join('\n'),
  arguments: [{ name: 'RUNDIR', description: 'a run directory (.litops/runs/<id>)' }],
  options: {
    'allowed-signers': { type: 'string', valueName: 'FILE', description: 'OpenSSH allowed_signers: who may sign' },
    runbook: { type: 'string', valueName: 'FILE', description: 'check that this file is the runbook that was run' },
  },
  examples: [
    { command: 'verify .litops/runs/20261122-090625-host-health-check-226d34', description: 'is the log intact and signed?' },
    { command: 'verify RUNDIR --allowed-signers ~/.ssh/allowed_signers --runbook runbooks/host-health.md', description: 'and signed by someone allowed, for this runbook' },
  ],
  exitCodes: [
    { code: ExitCode.ok, meaning: 'valid and complete' },
    { code: ExitCode.failed, meaning: 'tampered: the first bad line or file is named, with why' },
    { code: ExitCode.usage, meaning: 'RUNDIR or a FILE cannot be read' },
    { code: ExitCode.incomplete, meaning: 'intact but incomplete (a crashed or interrupted run) or unsigned (an ephemeral key)' },
  ],
  load: () => import('./verify.js'),
};
