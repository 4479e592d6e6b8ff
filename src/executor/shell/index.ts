/**
 * Shell cells. Each cell runs in its own bash (own exit code, own process group)
 * that first sources the state earlier cells left and saves it again from an EXIT
 * trap, so variables, functions, aliases, `set -o`/`shopt` options and the working
 * directory carry over as if one shell ran every cell. See build-prelude.ts for
 * what is carried and how, and types.ts for the contract of each call.
 */
export { createShellSession } from './create-shell-session.js';
export type { ShellCellInput, ShellResult, ShellRunHooks, ShellSession, ShellSessionOptions, ShellState } from './types.js';
