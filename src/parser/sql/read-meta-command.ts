import type { Position } from './text-positions.js';
import type { PsqlMetaCommand } from './types.js';

/** Describes the meta-command `text` (from its backslash to its line end) found at `at`. */
export function readMetaCommand(text: string, at: Position): PsqlMetaCommand {
  const trimmed = text.trim();
  // The command word runs to whitespace, except a symbol command (`\!`, `\?`) which is one character.
  const word = /^\\([A-Za-z0-9_]+[+S]*|[^\sA-Za-z0-9_])/.exec(trimmed)?.[1] ?? '';
  const rest = trimmed.slice(1 + word.length).trim();
  return { text: trimmed, command: word, args: rest === '' ? [] : rest.split(/\s+/), line: at.line, column: at.column };
}
