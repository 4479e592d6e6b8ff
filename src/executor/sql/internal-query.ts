import type { SqlBackend } from './backend.js';

/** A query litops itself sends failed; the message is the server's. */
export class InternalQueryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InternalQueryError';
  }
}

/**
 * Runs litops' own SQL (settings, type names) and returns its rows. Retries
 * once after `query_canceled`: a cancel request sent for the previous
 * statement can arrive late and hit this one instead.
 */
export async function runInternalQuery(backend: SqlBackend, sql: string): Promise<Array<Array<string | null>>> {
  for (let attempt = 0; ; attempt++) {
    const result = await backend.execute(sql, { maxRows: 1000 });
    if (!result.error) return result.rows;
    if (result.error.code !== '57014' || attempt > 0) throw new InternalQueryError(result.error.message);
  }
}

/** A SQL string literal (standard_conforming_strings on, the default since PostgreSQL 9.1). */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
