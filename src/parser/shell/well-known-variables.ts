/** Variables the shell or a login session provides; reading them never needs an input. */
const wellKnownNames = new Set([
  // special parameters
  '@', '*', '#', '?', '$', '!', '0', '-', '_',
  // set by bash itself
  'BASH', 'BASHOPTS', 'BASHPID', 'BASH_ENV', 'BASH_REMATCH', 'BASH_SOURCE', 'BASH_VERSION', 'BASH_VERSINFO',
  'COLUMNS', 'LINES', 'DIRSTACK', 'EPOCHREALTIME', 'EPOCHSECONDS', 'EUID', 'FUNCNAME', 'GROUPS', 'HISTCMD',
  'HISTFILE', 'HISTSIZE', 'HOSTNAME', 'HOSTTYPE', 'IFS', 'LINENO', 'MACHTYPE', 'MAPFILE', 'OLDPWD', 'OPTARG',
  'OPTERR', 'OPTIND', 'OSTYPE', 'PIPESTATUS', 'PPID', 'PS1', 'PS2', 'PS3', 'PS4', 'PWD', 'RANDOM', 'REPLY',
  'SECONDS', 'SHELLOPTS', 'SHLVL', 'SRANDOM', 'UID', 'COPROC',
  // from the login session and the environment every process gets
  'HOME', 'PATH', 'USER', 'LOGNAME', 'SHELL', 'TERM', 'COLORTERM', 'LANG', 'LANGUAGE', 'TMPDIR', 'TZ',
  'MAIL', 'EDITOR', 'VISUAL', 'PAGER', 'DISPLAY', 'SUDO_USER', 'SUDO_UID', 'SUDO_GID', 'SUDO_COMMAND',
  'SSH_AUTH_SOCK', 'SSH_CLIENT', 'SSH_CONNECTION', 'SSH_TTY',
  // set by litops for every cell
  'LITOPS_RUN_ID', 'LITOPS_CELL',
]);

/** Prefixes of well-known families: `BASH_*`, `LC_*`, `XDG_*`, `COMP_*`. */
const wellKnownPrefixes = ['BASH_', 'LC_', 'XDG_', 'COMP_'];

/**
 * True for special parameters (`$1`, `$@`, `$?`...), variables bash sets (`RANDOM`,
 * `PIPESTATUS`, `BASH_*`...), the usual session environment (`HOME`, `PATH`, `USER`, `LC_*`...)
 * and what litops sets for each cell (`LITOPS_RUN_ID`, `LITOPS_CELL`).
 */
export function isWellKnownVariable(name: string): boolean {
  if (/^\d+$/.test(name)) return true;
  if (wellKnownNames.has(name)) return true;
  return wellKnownPrefixes.some((prefix) => name.startsWith(prefix));
}
