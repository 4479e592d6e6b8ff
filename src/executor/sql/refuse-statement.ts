/**
 * Statements litops will not send, with the reason: `COPY ... FROM STDIN`
 * waits for data that a cell cannot give (and stops PGlite altogether).
 */
export function findRefusal(kind: string | null, text: string): string | null {
  // `COPY (query)` is always TO; only `COPY table [(columns)] FROM STDIN` reads input.
  if (kind === 'CopyStmt' && !/^COPY\s*\(/i.test(text) && /\bFROM\s+STDIN\b/i.test(text)) {
    return 'COPY ... FROM STDIN needs data that a runbook cell cannot give: load a file on the server (COPY ... FROM \'/path\') or use psql\'s \\copy in a shell cell';
  }
  return null;
}
