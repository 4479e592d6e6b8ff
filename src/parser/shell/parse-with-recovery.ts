import type { ShFile } from 'mvdan-sh';
import type { LocatedError } from '../../model/safety.js';
import { parseShell } from './syntax.js';

/** A tree for as much of the source as parses. */
export interface RecoveredParse {
  /** The tree of `source` with `skippedLines` blanked out; undefined if nothing parses. */
  file?: ShFile;
  /** The text that `file` was parsed from (same lines and columns as the original). */
  source: string;
  /** The first parse error of the original source. */
  error?: LocatedError;
  /** 1-based lines blanked to make the rest parse. */
  skippedLines: number[];
}

/**
 * Parses the source; when it does not parse, blanks the line the parser complains
 * about and tries again, so the lines that do parse keep their positions. Runbook
 * cells often mix shell with configuration snippets (`upstream x {`, JavaScript),
 * and the commands around those should still be analyzed.
 */
export function parseWithRecovery(source: string): RecoveredParse {
  const first = parseShell(source);
  if (first.file) return { file: first.file, source, skippedLines: [] };
  const lines = source.split('\n');
  const skippedLines: number[] = [];
  let error = first.error;
  for (let attempt = 0; attempt < lines.length; attempt++) {
    const line = pickLineToBlank(lines, error.line);
    if (line === undefined) break;
    lines[line - 1] = '';
    skippedLines.push(line);
    const text = lines.join('\n');
    const next = parseShell(text);
    if (next.file) return { file: next.file, source: text, error: first.error, skippedLines: skippedLines.sort((a, b) => a - b) };
    error = next.error;
  }
  return { source, error: first.error, skippedLines };
}

/** The error's line, or when that is blank (errors at the end), the last non-blank line before it. */
function pickLineToBlank(lines: readonly string[], errorLine: number): number | undefined {
  for (let line = Math.min(errorLine, lines.length); line >= 1; line--) {
    if ((lines[line - 1] ?? '').trim() !== '') return line;
  }
  return undefined;
}
