/** Quotes any string (NUL excepted) as one bash word: `it's` -> `'it'\''s'`. */
export function quoteShell(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** Whether `name` can be a bash variable name. */
export function isShellName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}
