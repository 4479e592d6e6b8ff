/**
 * Running SQL cells: where a cell's SQL goes (`resolveTarget`) and the run's
 * sessions that send it (`createSqlSessions`), against a real PostgreSQL
 * server or the embedded PGlite.
 */
export { resolveTarget, type ResolveTargetOptions } from './resolve-target.js';
export { createSqlSessions } from './create-sql-sessions.js';
export type { SqlCellInput, SqlCellResult, SqlRunHooks, SqlSessions, SqlSessionsOptions, TargetSpec } from './types.js';
