/** What the global setup hands to tests through vitest's `provide`/`inject` (types only). */
declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the run's PostgreSQL server (password-protected role over TCP), or null when none was found outside CI. */
    postgresUrl: string | null;
    /** A URL with rights to create and drop databases and end sessions (superuser for the harness's own server). */
    postgresAdminUrl: string | null;
    /** Why `postgresUrl` is null, for skip messages; null when there is a server. */
    postgresSkipReason: string | null;
  }
}

export {};
