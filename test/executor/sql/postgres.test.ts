import { afterAll, beforeAll, describe } from 'vitest';
import type { SqlSessions, TargetSpec } from '../../../src/executor/sql/index.js';
import { createTestDatabase, getPostgresUrl, withSkipReason, type TestDatabase } from '../../support/postgres.js';
import { createDataDir, createRecordingSessions, dbTarget } from './helpers.js';
import { defineSharedSqlCases } from './shared-cases.js';

const url = getPostgresUrl();

describe.skipIf(!url)(withSkipReason('SQL cells on a real PostgreSQL server'), () => {
  let database: TestDatabase;
  let sessions: SqlSessions;
  let target: TargetSpec;
  const dataDir = createDataDir();

  beforeAll(async () => {
    database = await createTestDatabase('sql_cells');
    target = dbTarget(database.url);
    sessions = createRecordingSessions({ dataDir: dataDir.dir }).sessions;
  });

  afterAll(async () => {
    await sessions?.close();
    await database?.drop();
    dataDir.remove();
  });

  defineSharedSqlCases(() => ({ sessions, target }));
});
