import { readFileSync } from 'node:fs';
import type { ClientConfig } from 'pg';
import { resolveLibpqEndpoint } from '../libpq-env.js';
import type { TargetSpec } from '../types.js';

/** Every litops connection says who it is in `pg_stat_activity`. */
export const APPLICATION_NAME = 'litops';

function readOptional(path: string | undefined): string | undefined {
  return path ? readFileSync(path, 'utf8') : undefined;
}

/** libpq's `sslmode` as `pg`'s `ssl` option (`prefer` and `allow` do not try TLS: `pg` cannot fall back). */
function toSsl(params: Readonly<Record<string, string>>): ClientConfig['ssl'] {
  const mode = params.PGSSLMODE ?? 'prefer';
  if (mode === 'disable' || mode === 'allow' || mode === 'prefer') return false;
  const files = { ca: readOptional(params.PGSSLROOTCERT), cert: readOptional(params.PGSSLCERT), key: readOptional(params.PGSSLKEY) };
  if (mode === 'require') return { ...files, rejectUnauthorized: false };
  if (mode === 'verify-ca') return { ...files, rejectUnauthorized: true, checkServerIdentity: () => undefined };
  return { ...files, rejectUnauthorized: true };
}

/** The `pg` client configuration for a postgres target (a URL, or libpq's `PG*` variables). */
export function buildClientConfig(target: TargetSpec, connectTimeoutMs: number): ClientConfig {
  const common = { application_name: APPLICATION_NAME, connectionTimeoutMillis: connectTimeoutMs, keepAlive: true };
  if (target.url) return { ...common, connectionString: target.url };
  const params = target.params ?? {};
  const { host, port, user, database } = resolveLibpqEndpoint(params);
  const timeout = Number.parseInt(params.PGCONNECT_TIMEOUT ?? '', 10);
  return {
    ...common,
    host,
    port,
    user,
    database,
    password: params.PGPASSWORD,
    ssl: toSsl(params),
    ...(params.PGOPTIONS ? { options: params.PGOPTIONS } : {}),
    ...(timeout > 0 ? { connectionTimeoutMillis: timeout * 1000 } : {}),
  };
}
