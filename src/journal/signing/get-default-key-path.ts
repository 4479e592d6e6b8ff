import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * Where `litops keygen` puts the signing key and runs look for it:
 * `$XDG_CONFIG_HOME/litops/signing_key` when XDG_CONFIG_HOME is an absolute
 * path (the XDG spec ignores relative ones), else `$HOME/.config/litops/signing_key`,
 * with the home directory from `env.HOME` or, failing that, the OS.
 */
export function getDefaultKeyPath(env: Record<string, string | undefined>): string {
  const configHome = env.XDG_CONFIG_HOME;
  if (configHome !== undefined && isAbsolute(configHome)) return join(configHome, 'litops', 'signing_key');
  const home = env.HOME !== undefined && env.HOME !== '' ? env.HOME : homedir();
  return join(home, '.config', 'litops', 'signing_key');
}
