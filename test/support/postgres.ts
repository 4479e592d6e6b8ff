import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import './provided-context.js';

/** The run's PostgreSQL URL, or null (tests then `describe.skipIf(!getPostgresUrl())`). */
export function getPostgresUrl(): string | null {
  return inject('postgresUrl');
}

/** A suite title that says why it is skipped when there is no server: `withSkipReason('SQL on PostgreSQL')`. */
export function withSkipReason(title: string): string {
  const reason = inject('postgresSkipReason');
  return reason ? `${title} [skipped: ${reason}]` : title;
}

/** A database created for one test file. */
export interface TestDatabase {
  /** The actual database name: `name` plus a random suffix. */
  name: string;
  /** The run's URL pointing at this database (same role and password). */
  url: string;
  /** Drops the database, terminating its sessions. */
  drop(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function runAdmin(sql: string): Promise<void> {
  const adminUrl = inject('postgresAdminUrl');
  if (!adminUrl) throw new Error('no PostgreSQL server for this run (see the global setup)');
  const client = new pg.Client({ connectionString: adminUrl });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Creates a fresh database on the run's server, owned by the test role, so that
 * test files do not share state. Throws when the run has no server.
 */
export async function createTestDatabase(name: string): Promise<TestDatabase> {
  const url = getPostgresUrl();
  if (!url) throw new Error('no PostgreSQL server for this run (see the global setup)');
  const database = `${name.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 40)}_${randomBytes(4).toString('hex')}`;
  const owner = decodeURIComponent(new URL(url).username);
  await runAdmin(`CREATE DATABASE "${database}" OWNER "${owner}"`);
  return {
    name: database,
    url: withDatabase(url, database),
    drop: () => runAdmin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
  };
}

/** Runs one query as the admin of the run's server (e.g. to terminate a backend). */
export async function queryAsAdmin<Row extends Record<string, unknown>>(sql: string): Promise<Row[]> {
  const adminUrl = inject('postgresAdminUrl');
  if (!adminUrl) throw new Error('no PostgreSQL server for this run (see the global setup)');
  const client = new pg.Client({ connectionString: adminUrl });
  client.on('error', () => {});
  await client.connect();
  try {
    return (await client.query<Row>(sql)).rows;
  } finally {
    await client.end();
  }
}
