import { userInfo } from 'node:os';
import { REDACTED } from './redact.js';

/** libpq's environment variables that litops understands. */
const LIBPQ_VARIABLES = [
  'PGHOST', 'PGHOSTADDR', 'PGPORT', 'PGDATABASE', 'PGUSER', 'PGPASSWORD', 'PGPASSFILE', 'PGSSLMODE',
  'PGSSLCERT', 'PGSSLKEY', 'PGSSLROOTCERT', 'PGCONNECT_TIMEOUT', 'PGOPTIONS', 'PGSERVICE',
] as const;

/** Any of these set means "connect where libpq would"; PGPASSWORD alone does not. */
const LIBPQ_TARGET_VARIABLES = ['PGHOST', 'PGHOSTADDR', 'PGPORT', 'PGDATABASE', 'PGUSER', 'PGSERVICE'];

/** The libpq variables set (non-empty) in `env`, or null when none names a server. */
export function readLibpqEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (const name of LIBPQ_VARIABLES) {
    const value = env[name];
    if (value !== undefined && value !== '') params[name] = value;
  }
  return LIBPQ_TARGET_VARIABLES.some((name) => name in params) ? params : null;
}

/** Where libpq's variables point, with libpq's defaults (port 5432, user = OS user, database = user). */
export interface LibpqEndpoint {
  host: string;
  port: number;
  user: string;
  database: string;
}

/** Resolves host, port, user and database from libpq variables. */
export function resolveLibpqEndpoint(params: Readonly<Record<string, string>>): LibpqEndpoint {
  const user = params.PGUSER ?? safeUserName();
  const port = Number.parseInt(params.PGPORT ?? '5432', 10);
  return {
    host: params.PGHOSTADDR ?? params.PGHOST ?? 'localhost',
    port: Number.isFinite(port) ? port : 5432,
    user,
    database: params.PGDATABASE ?? user,
  };
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'postgres';
  }
}

/** A URL-like description of a libpq target, password redacted: `postgres://app:[REDACTED]@db:5432/app`. */
export function describeLibpqTarget(params: Readonly<Record<string, string>>): string {
  const { host, port, user, database } = resolveLibpqEndpoint(params);
  const auth = `${encodeURIComponent(user)}${params.PGPASSWORD ? `:${REDACTED}` : ''}@`;
  const db = encodeURIComponent(database);
  const sslmode = params.PGSSLMODE ? `sslmode=${params.PGSSLMODE}` : '';
  if (host.startsWith('/')) return `postgres://${auth}/${db}?host=${host}&port=${port}${sslmode ? `&${sslmode}` : ''}`;
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return `postgres://${auth}${hostPart}:${port}/${db}${sslmode ? `?${sslmode}` : ''}`;
}
