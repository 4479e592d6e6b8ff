import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SqlStatementResult, TargetInfo } from '../../../src/model/events.js';
import { createSqlSessions, resolveTarget, type SqlCellInput, type SqlCellResult, type SqlRunHooks, type SqlSessions, type SqlSessionsOptions, type TargetSpec } from '../../../src/executor/sql/index.js';

/** A cell with defaults: not read-only, no timeout, no variables. */
export function cellOf(source: string, overrides: Partial<SqlCellInput> = {}): SqlCellInput {
  return { id: 'cell', source, readonly: false, timeoutMs: null, variables: {}, ...overrides };
}

/** Runs one cell and also returns what `onStatement` saw. */
export async function runCell(
  sessions: SqlSessions,
  target: TargetSpec,
  source: string,
  overrides: Partial<SqlCellInput> = {},
  hooks: Partial<SqlRunHooks> = {},
): Promise<SqlCellResult & { seen: SqlStatementResult[] }> {
  const seen: SqlStatementResult[] = [];
  const result = await sessions.run(target, cellOf(source, overrides), {
    ...hooks,
    onStatement: async (statement) => {
      seen.push(statement);
      await hooks.onStatement?.(statement);
    },
  });
  return { ...result, seen };
}

/** A temporary litops data directory, removed by `remove()`. */
export function createDataDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'litops-sql-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Sessions that record every target they open. */
export function createRecordingSessions(options: Omit<SqlSessionsOptions, 'onTargetOpen'>): { sessions: SqlSessions; opened: TargetInfo[] } {
  const opened: TargetInfo[] = [];
  return { sessions: createSqlSessions({ ...options, onTargetOpen: (info) => opened.push(info) }), opened };
}

/** A postgres target for a URL, as `--db URL` resolves it. */
export function dbTarget(url: string): TargetSpec {
  return resolveTarget(null, { connections: {}, db: url, env: {}, sandbox: false, dataDir: tmpdir() });
}
