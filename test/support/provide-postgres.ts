import type { ProvidedContext } from 'vitest';
import { findPostgresBinaries, startPostgresServer, type PostgresBinaries, type PostgresServer } from './postgres-server.js';
import './provided-context.js';

/** The part of vitest's `TestProject` the harness uses. */
export interface ProvidingProject {
  provide<T extends keyof ProvidedContext & string>(key: T, value: ProvidedContext[T]): void;
}

/** Seams for tests of the harness itself. */
export interface ProvidePostgresOptions {
  env?: NodeJS.ProcessEnv;
  findBinaries?: () => PostgresBinaries | null;
  warn?: (message: string) => void;
}

function provideAll(project: ProvidingProject, url: string | null, adminUrl: string | null, reason: string | null): void {
  project.provide('postgresUrl', url);
  project.provide('postgresAdminUrl', adminUrl);
  project.provide('postgresSkipReason', reason);
}

/**
 * Hands the run's PostgreSQL to tests: `TEST_DATABASE_URL` if set (it must be
 * allowed to create databases), else a server started here (returned, to be
 * stopped), else null with a visible reason; with `CI=true` a missing
 * PostgreSQL throws instead, as CI must never skip these tests silently.
 */
export async function providePostgres(project: ProvidingProject, options: ProvidePostgresOptions = {}): Promise<PostgresServer | null> {
  const env = options.env ?? process.env;
  const given = env.TEST_DATABASE_URL;
  if (given) {
    provideAll(project, given, given, null);
    return null;
  }
  const binaries = (options.findBinaries ?? findPostgresBinaries)();
  if (!binaries) {
    const reason = 'PostgreSQL not found (no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin, and TEST_DATABASE_URL is unset)';
    if (env.CI === 'true') throw new Error(`${reason}; CI=true requires a real PostgreSQL for the SQL tests`);
    (options.warn ?? ((message) => process.stderr.write(message)))(`\n[litops tests] ${reason}: tests against a real PostgreSQL server are skipped.\n\n`);
    provideAll(project, null, null, reason);
    return null;
  }
  const server = await startPostgresServer(binaries);
  provideAll(project, server.url, server.adminUrl, null);
  return server;
}
