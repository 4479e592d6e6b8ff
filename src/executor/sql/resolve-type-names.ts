import type { SqlBackend } from './backend.js';
import { runInternalQuery } from './internal-query.js';
import { findBuiltinTypeName } from './type-names.js';

/**
 * Makes sure `cache` can name every OID in `oids`: built-in types from the
 * table, others (enums, domains, extension types) from the server's
 * `format_type`, asked once per OID and session. Outside an aborted
 * transaction only; an OID that stays unknown is shown as `oid 12345`.
 */
export async function resolveTypeNames(backend: SqlBackend, cache: Map<number, string>, oids: readonly number[]): Promise<void> {
  const unknown = [...new Set(oids)].filter((oid) => findBuiltinTypeName(oid) === null && !cache.has(oid) && Number.isInteger(oid));
  if (unknown.length === 0 || backend.transactionStatus() === 'failed' || backend.lostReason()) return;
  try {
    const rows = await runInternalQuery(backend, `SELECT oid::int8, format_type(oid, NULL) FROM pg_type WHERE oid IN (${unknown.join(', ')})`);
    for (const [oid, name] of rows) if (oid && name) cache.set(Number(oid), name);
  } catch {
    // Naming types is a nicety: the statement's result stands without it.
  }
}

/** The display name of a type OID, from the table or the session's cache. */
export function nameType(cache: ReadonlyMap<number, string>, oid: number): string {
  return findBuiltinTypeName(oid) ?? cache.get(oid) ?? `oid ${oid}`;
}
