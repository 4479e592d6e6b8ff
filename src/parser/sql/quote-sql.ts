/**
 * A SQL string literal holding `value` exactly, safe whatever
 * standard_conforming_strings is: quotes are doubled and, when the value has a
 * backslash, it becomes ` E'...'` with backslashes doubled (as libpq's
 * PQescapeLiteral does, leading space included).
 */
export function quoteSqlLiteral(value: string): string {
  const body = value.replace(/'/g, "''");
  if (!value.includes('\\')) return `'${body}'`;
  return ` E'${body.replace(/\\/g, '\\\\')}'`;
}

/** A quoted SQL identifier naming exactly `value` (double quotes doubled), as `:"name"` gives in psql. */
export function quoteSqlIdentifier(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}
