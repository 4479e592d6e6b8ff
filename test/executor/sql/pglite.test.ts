import { afterAll, beforeAll, describe } from 'vitest';
import { resolveTarget, type SqlSessions, type TargetSpec } from '../../../src/executor/sql/index.js';
import { createDataDir, createRecordingSessions } from './helpers.js';
import { defineSharedSqlCases } from './shared-cases.js';

describe('SQL cells on the embedded PostgreSQL (PGlite)', () => {
  let sessions: SqlSessions;
  let target: TargetSpec;
  const dataDir = createDataDir();

  beforeAll(() => {
    target = resolveTarget(null, { connections: {}, db: null, env: {}, sandbox: false, dataDir: dataDir.dir });
    sessions = createRecordingSessions({ dataDir: dataDir.dir }).sessions;
  });

  afterAll(async () => {
    await sessions?.close();
    dataDir.remove();
  });

  defineSharedSqlCases(() => ({ sessions, target }));
});
