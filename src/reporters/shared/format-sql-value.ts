/** A SQL result value as text for a report's table cell; `null` is told apart from the string "NULL" by `isNull`. */
export function formatSqlValue(value: unknown): { text: string; isNull: boolean } {
  if (value === null || value === undefined) return { text: 'NULL', isNull: true };
  if (typeof value === 'string') return { text: value, isNull: false };
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return { text: String(value), isNull: false };
  return { text: JSON.stringify(value) ?? String(value), isNull: false };
}

/** A statement as one short line for a label: whitespace collapsed, at most `max` characters. */
export function formatStatementLabel(text: string, max = 120): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
