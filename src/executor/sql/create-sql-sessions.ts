import { LitopsError } from '../../model/errors.js';
import { runSqlCell } from './run-sql-cell.js';
import { createSession, type SqlSession } from './sql-session.js';
import type { SqlSessions, SqlSessionsOptions, TargetSpec } from './types.js';

/** Sessions are per target: its kind, source, name and where it points. */
function keyOf(target: TargetSpec): string {
  return JSON.stringify([target.kind, target.source, target.name, target.url, target.params ?? null]);
}

/**
 * The run's SQL sessions: one connection per target, opened lazily on the
 * first cell that uses it and kept for the whole run, so `SET`, temporary
 * tables and open transactions carry from cell to cell. Cells on one target
 * run one after the other even if `run` is called concurrently.
 */
export function createSqlSessions(options: SqlSessionsOptions): SqlSessions {
  const sessions = new Map<string, SqlSession>();
  let closed = false;
  return {
    run(target, cell, hooks) {
      if (closed) return Promise.reject(new LitopsError('sql-sessions-closed', 'SQL sessions were used after close()'));
      const key = keyOf(target);
      let session = sessions.get(key);
      if (!session) {
        session = createSession(target);
        sessions.set(key, session);
      }
      const current = session;
      const result = current.queue.then(() => runSqlCell(current, cell, hooks, options));
      current.queue = result.catch(() => {});
      return result;
    },
    async close() {
      closed = true;
      const all = [...sessions.values()];
      sessions.clear();
      await Promise.all(
        all.map(async (session) => {
          await session.queue;
          await session.backend?.close().catch(() => {});
          session.backend = null;
        }),
      );
    },
  };
}
