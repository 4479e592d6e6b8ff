import { loadModule } from 'libpg-query';
import { LitopsError } from '../../model/errors.js';

let loading: Promise<void> | undefined;
let loaded = false;

/** Loads the PostgreSQL parser (WebAssembly) once; later calls return the same promise. */
export function loadSqlParser(): Promise<void> {
  loading ??= loadModule().then(() => {
    loaded = true;
  });
  return loading;
}

/** Whether `loadSqlParser()` has finished, so the synchronous analysis functions may be called. */
export function isSqlParserLoaded(): boolean {
  return loaded;
}

/** Throws (a programming error, not a problem in the user's SQL) unless the parser is loaded. */
export function assertSqlParserLoaded(): void {
  if (loaded) return;
  throw new LitopsError('sql-parser-not-loaded', 'The SQL parser is not loaded: await loadSqlParser() before analysing SQL');
}
