import type { Diagnostic } from '../model/diagnostic.js';

type Paint = (code: number, text: string) => string;

const SEVERITY_COLORS: Record<Diagnostic['severity'], number> = { error: 31, warning: 33, info: 2 };

/** One diagnostic as `inspect` and `run` print it: `file:line:column  severity  message  rule`. */
export function formatDiagnostic(path: string | null, diagnostic: Diagnostic, paint: Paint = (_, text) => text): string {
  const { line, column, severity, message, rule } = diagnostic;
  return `${path ?? '<input>'}:${line}:${column}  ${paint(SEVERITY_COLORS[severity], severity)}  ${message}  ${paint(2, rule)}`;
}

/** Options of {@link formatDiagnostics}. */
export interface FormatDiagnosticsOptions {
  /** ANSI colours (default false). */
  color?: boolean;
  /** Lines listed at most; the rest are counted, pointing at `litops inspect` (default: all). */
  limit?: number;
  /** Indent of each line (default none). */
  indent?: string;
}

/** Diagnostics, one line each, and a last line counting those left out. Empty for none. */
export function formatDiagnostics(path: string | null, diagnostics: readonly Diagnostic[], options: FormatDiagnosticsOptions = {}): string[] {
  const paint: Paint = (code, text) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const limit = options.limit ?? diagnostics.length;
  const indent = options.indent ?? '';
  const lines = diagnostics.slice(0, limit).map((diagnostic) => `${indent}${formatDiagnostic(path, diagnostic, paint)}`);
  const more = diagnostics.length - limit;
  if (more > 0) lines.push(`${indent}${paint(2, `… and ${more} more: litops inspect ${path ?? 'FILE'} lists them all`)}`);
  return lines;
}
