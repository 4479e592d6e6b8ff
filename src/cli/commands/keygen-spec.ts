import { ExitCode } from '../../model/errors.js';
import type { CommandSpec } from '../command-spec.js';

/** `litops keygen [--out PATH]`, declared as data; the handler is `./keygen.js`. */
export const keygenSpec: CommandSpec = {
  name: 'keygen',
  summary: 'make an ed25519 signing key (OpenSSH format); print its allowed_signers line',
  description: [
    'Writes an ed25519 key pair in OpenSSH format (private key mode 0600, PATH.pub beside it)',
    'that `litops run` signs its logs with, and that ssh-keygen reads. Prints the line to add',
    "to an auditor's allowed_signers file. It never overwrites a key.",
  ].join('\n'),
  arguments: [],
  options: {
    out: { type: 'string', valueName: 'PATH', defaultText: '$XDG_CONFIG_HOME/litops/signing_key (else ~/.config/litops/signing_key)', description: 'where to write the private key' },
    as: { type: 'string', valueName: 'PRINCIPAL', defaultText: "git's user.email, else user@host", description: 'the principal of the allowed_signers line' },
  },
  examples: [
    { command: 'keygen', description: 'the default key, used by every run from then on' },
    { command: 'keygen --out ci_key --as ci@example.com >> allowed_signers', description: 'a key for CI, and its line for auditors' },
  ],
  exitCodes: [
    { code: ExitCode.ok, meaning: 'the key pair was written' },
    { code: ExitCode.usage, meaning: 'a key already exists at PATH, or PATH cannot be written' },
  ],
  load: () => import('./keygen.js'),
};
