import { ExitCode, type ExitCodeValue } from '../../model/errors.js';
import type { CommandContext } from '../command-spec.js';
import { getPrincipal } from '../principal.js';

/** `litops keygen`: write a key pair; print where, its fingerprint, and its allowed_signers line. */
export async function run({ options, io }: CommandContext): Promise<ExitCodeValue> {
  const signing = await import('../../journal/index.js');
  const path = typeof options.out === 'string' ? options.out : signing.getDefaultKeyPath(io.env);
  const principal = typeof options.as === 'string' ? options.as : await getPrincipal(io.env);
  const written = await signing.writeKeyPair(path, principal);
  io.stderr.write(`litops: wrote ${written.privateKeyPath} (0600) and ${written.publicKeyPath}\nlitops: fingerprint ${written.fingerprint}\nlitops: the allowed_signers line for auditors:\n`);
  io.stdout.write(`${signing.formatAllowedSignersLine(principal, written.publicKey)}\n`);
  return ExitCode.ok;
}
