/**
 * psql's backslash commands are not SQL and are never sent. Those that only
 * change psql's display, describe objects, or end a statement are skipped
 * with a notice in the statement list; those that would change what runs or
 * where (`\c`, `\i`, `\gset`, `\gexec`, `\if`, `\copy`, `\!`, `\watch`, ...) make
 * the cell fail before anything is sent, since skipping them would run
 * something else than the runbook says.
 */
export type MetaCommandAction = { action: 'skip'; note: string } | { action: 'refuse'; reason: string };

const DISPLAY = new Set(['a', 'C', 'f', 'H', 'pset', 't', 'T', 'x', 'timing', 'encoding', 'errverbose', 'conninfo', 'echo', 'qecho', 'warn', 'p', 'print', 'r', 'reset', 'set', 'unset', 'setenv', '?', 'h', 'help', 'copyright', 'crosstabview']);
const TERMINATORS = new Set(['g', 'gx']);
const DESCRIBE = /^(d[A-Za-z]*|l|list|z|sf|sv|lo_list)[+S]*$/;

/** Decides what litops does with the meta-command `command` (its word without the backslash). */
export function classifyMetaCommand(command: string, args: readonly string[]): MetaCommandAction {
  if (TERMINATORS.has(command)) {
    if (args.length > 0) return { action: 'refuse', reason: 'it sends the output to a file or command' };
    return { action: 'skip', note: 'ends the statement before it, which was sent as usual' };
  }
  if (DISPLAY.has(command)) return { action: 'skip', note: 'only changes psql itself (display, psql variables); litops sends SQL only' };
  if (DESCRIBE.test(command)) return { action: 'skip', note: 'describe commands are not run; query the catalog in SQL instead' };
  return { action: 'refuse', reason: 'litops sends SQL only, and skipping it would change what runs' };
}
