import { join, resolve } from 'node:path';
import { UsageError } from '../../model/errors.js';
import { parsePostgresUrl, redactUrl } from './describe-url.js';
import { describeLibpqTarget, readLibpqEnv } from './libpq-env.js';
import type { TargetSpec } from './types.js';

/** Inputs of `resolveTarget`. */
export interface ResolveTargetOptions {
  /** The front matter's `connections`; a `url` may be `env:VAR`. */
  connections: Readonly<Record<string, { url: string }>>;
  /** `--db URL`, or null. */
  db: string | null;
  /** The environment (`DATABASE_URL`, `PG*`, and the variables `env:VAR` names). */
  env: Readonly<Record<string, string | undefined>>;
  /** `--sandbox`: every cell goes to a fresh embedded database. */
  sandbox: boolean;
  /** litops' directory, e.g. `<cwd>/.litops`. */
  dataDir: string;
}

const ENV_PREFIX = /^env:/i;

function checkUrl(url: string, origin: string, code: string): string {
  if (parsePostgresUrl(url)) return url;
  // Never echo the value: it may hold a password.
  throw new UsageError(`${origin} is not a postgres:// or postgresql:// URL`, { code });
}

function postgresTarget(name: string, source: TargetSpec['source'], url: string): TargetSpec {
  return { name, kind: 'postgres', url, source, description: redactUrl(url), params: null };
}

function resolveConnection(name: string, options: ResolveTargetOptions): TargetSpec {
  const spec = Object.hasOwn(options.connections, name) ? options.connections[name] : undefined;
  if (!spec) {
    const known = Object.keys(options.connections);
    const list = known.length > 0 ? `the runbook defines ${known.map((key) => `"${key}"`).join(', ')}` : 'the runbook defines no connections';
    throw new UsageError(`unknown connection "${name}": ${list} (front matter \`connections\`)`, { code: 'unknown-connection' });
  }
  const match = ENV_PREFIX.exec(spec.url);
  if (!match) return postgresTarget(name, 'connection', checkUrl(spec.url, `connection "${name}"`, 'invalid-connection-url'));
  const variable = spec.url.slice(match[0].length);
  const value = options.env[variable];
  if (value === undefined || value === '') {
    throw new UsageError(`connection "${name}" reads its URL from $${variable}, which is not set`, { code: 'connection-env-unset' });
  }
  return postgresTarget(name, 'connection', checkUrl(value, `$${variable} (connection "${name}")`, 'invalid-connection-url'));
}

/**
 * Picks where a SQL cell runs: the cell's `connection` (front matter), else
 * `--db`, else `DATABASE_URL`, else libpq's `PG*` variables, else the embedded
 * PostgreSQL in `<dataDir>/pglite`. With `sandbox`, always a fresh embedded
 * database (a connection name must still exist, but its URL is not needed).
 * Throws `UsageError` (exit 2) for an unknown connection, an unset `env:VAR`,
 * a value that is not a postgres URL, or `PGSERVICE` (not supported).
 */
export function resolveTarget(connection: string | null, options: ResolveTargetOptions): TargetSpec {
  const dataDir = resolve(options.dataDir);
  if (options.sandbox) {
    // A misspelt connection name is still an error; its URL (often production) is not needed.
    if (connection !== null && !Object.hasOwn(options.connections, connection)) resolveConnection(connection, options);
    const template = join(dataDir, 'pglite-template');
    return { name: 'sandbox', kind: 'embedded', url: null, source: 'sandbox', description: `fresh copy of ${template}`, params: null };
  }
  if (connection !== null) return resolveConnection(connection, options);
  if (options.db) return postgresTarget('default', '--db', checkUrl(options.db, '--db', 'invalid-db-url'));
  const databaseUrl = options.env.DATABASE_URL;
  if (databaseUrl) return postgresTarget('default', 'DATABASE_URL', checkUrl(databaseUrl, '$DATABASE_URL', 'invalid-database-url'));
  const params = readLibpqEnv(options.env);
  if (params) {
    if (params.PGSERVICE) {
      throw new UsageError('PGSERVICE is set, but litops does not read pg_service.conf: set PGHOST, PGPORT, PGDATABASE and PGUSER, or pass --db URL', { code: 'pgservice-unsupported' });
    }
    return { name: 'default', kind: 'postgres', url: null, source: 'PG*', description: describeLibpqTarget(params), params };
  }
  return { name: 'embedded', kind: 'embedded', url: null, source: 'embedded', description: join(dataDir, 'pglite'), params: null };
}
