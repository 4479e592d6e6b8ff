import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveTarget, type TargetSpec } from '../../../src/executor/sql/index.js';
import { createDataDir, createRecordingSessions, runCell } from './helpers.js';

describe('the embedded PostgreSQL (PGlite)', () => {
  const dataDir = createDataDir();
  let embedded: TargetSpec;
  let sandbox: TargetSpec;

  beforeAll(() => {
    const base = { connections: {}, db: null, env: {}, dataDir: dataDir.dir };
    embedded = resolveTarget(null, { ...base, sandbox: false });
    sandbox = resolveTarget(null, { ...base, sandbox: true });
  });

  afterAll(() => dataDir.remove());

  it('keeps the default database under <dataDir>/pglite between runs, made from a template', async () => {
    const first = createRecordingSessions({ dataDir: dataDir.dir });
    const created = await runCell(first.sessions, embedded, 'CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)');
    expect(created.status).toBe('passed');
    expect(first.opened).toEqual([{ name: 'embedded', kind: 'embedded', source: 'embedded', description: join(dataDir.dir, 'pglite'), serverVersion: expect.stringMatching(/^\d+/) }]);
    expect(existsSync(join(dataDir.dir, 'pglite-template', 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(dataDir.dir, 'pglite.lock'))).toBe(true);
    await first.sessions.close();
    expect(existsSync(join(dataDir.dir, 'pglite.lock'))).toBe(false);

    const second = createRecordingSessions({ dataDir: dataDir.dir });
    expect((await runCell(second.sessions, embedded, 'SELECT id FROM kept')).value).toBe('7');
    await second.sessions.close();
  });

  it('refuses a second session on the same data directory while the first is open', async () => {
    const first = createRecordingSessions({ dataDir: dataDir.dir });
    const second = createRecordingSessions({ dataDir: dataDir.dir });
    expect((await runCell(first.sessions, embedded, 'SELECT 1')).status).toBe('passed');
    const refused = await runCell(second.sessions, embedded, 'SELECT 1');
    expect(refused.status).toBe('error');
    expect(refused.error).toBe(`the embedded PostgreSQL at ${join(dataDir.dir, 'pglite')} is in use by another session of this litops process; wait for it to finish or use --sandbox (lock file: ${join(dataDir.dir, 'pglite.lock')})`);
    await first.sessions.close();
    expect((await runCell(second.sessions, embedded, 'SELECT 1')).status).toBe('passed');
    await second.sessions.close();
  });

  it('refuses a data directory locked by another running process, naming it', async () => {
    const holder = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dataDir.dir, 'pglite.lock'), JSON.stringify({ pid: holder.pid, host: hostname() }));
      const { sessions } = createRecordingSessions({ dataDir: dataDir.dir });
      const refused = await runCell(sessions, embedded, 'SELECT 1');
      expect(refused.status).toBe('error');
      expect(refused.error).toMatch(new RegExp(`in use by litops process ${holder.pid} on `));
      await sessions.close();
      expect(existsSync(join(dataDir.dir, 'pglite.lock'))).toBe(true);
    } finally {
      holder.kill();
    }
    await new Promise((resolve) => holder.once('exit', resolve));
    // The holder is gone: its lock is stale and is taken over.
    const { sessions } = createRecordingSessions({ dataDir: dataDir.dir });
    expect((await runCell(sessions, embedded, 'SELECT 1')).status).toBe('passed');
    await sessions.close();
  });

  it('gives --sandbox a fresh copy of the template, removed at close, without rebuilding the template', async () => {
    const marker = join(dataDir.dir, 'pglite-template', 'litops-test-marker');
    writeFileSync(marker, 'still the same template');
    const first = createRecordingSessions({ dataDir: dataDir.dir });
    const isolated = await runCell(first.sessions, sandbox, `SELECT to_regclass('kept') IS NULL AS fresh; CREATE TABLE sandboxed (id int)`);
    expect(isolated.statements[0]?.rows).toEqual([[true]]);
    const info = first.opened[0]!;
    expect(info).toMatchObject({ name: 'sandbox', kind: 'embedded', source: 'sandbox' });
    expect(info.description).not.toContain(dataDir.dir);
    expect(existsSync(join(info.description, 'PG_VERSION'))).toBe(true);
    // The default database is not locked by a sandbox.
    const other = createRecordingSessions({ dataDir: dataDir.dir });
    expect((await runCell(other.sessions, embedded, `SELECT to_regclass('sandboxed') IS NULL`)).value).toBe('t');
    await other.sessions.close();
    await first.sessions.close();
    expect(existsSync(info.description)).toBe(false);

    const second = createRecordingSessions({ dataDir: dataDir.dir });
    expect((await runCell(second.sessions, sandbox, `SELECT to_regclass('sandboxed') IS NULL`)).value).toBe('t');
    await second.sessions.close();
    expect(existsSync(marker)).toBe(true);
  });

  it('creates the template once when two sandboxes start together on a new data directory', async () => {
    const fresh = createDataDir();
    try {
      const target = resolveTarget(null, { connections: {}, db: null, env: {}, sandbox: true, dataDir: fresh.dir });
      const a = createRecordingSessions({ dataDir: fresh.dir });
      const b = createRecordingSessions({ dataDir: fresh.dir });
      const results = await Promise.all([runCell(a.sessions, target, 'SELECT 1'), runCell(b.sessions, target, 'SELECT 2')]);
      expect(results.map((result) => result.status)).toEqual(['passed', 'passed']);
      await Promise.all([a.sessions.close(), b.sessions.close()]);
      expect(existsSync(join(fresh.dir, 'pglite-template', 'PG_VERSION'))).toBe(true);
    } finally {
      fresh.remove();
    }
  });

  it('checks the cell time budget between statements (PGlite cannot interrupt one)', async () => {
    const { sessions } = createRecordingSessions({ dataDir: dataDir.dir });
    const result = await runCell(sessions, sandbox, 'SELECT pg_sleep(0.3);\nSELECT 2', { timeoutMs: 100 });
    expect(result.status).toBe('timed-out');
    expect(result.error).toBe("timed out before line 2: the cell's 100 ms were used up");
    expect(result.statements).toHaveLength(1);
    expect(result.statements[0]?.error).toBeNull();
    await sessions.close();
  });

  it('cannot cancel a running statement, but stops before the next one', async () => {
    const { sessions } = createRecordingSessions({ dataDir: dataDir.dir });
    await runCell(sessions, sandbox, 'SELECT 1');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await runCell(sessions, sandbox, 'SELECT pg_sleep(0.3);\nSELECT 2;\nSELECT 3', {}, { signal: controller.signal });
    expect(result.status).toBe('cancelled');
    expect(result.statements[0]?.error).toBeNull();
    expect(result.statements.length).toBeLessThan(3);
    expect((await runCell(sessions, sandbox, 'SELECT 4')).value).toBe('4');
    await sessions.close();
  });

  it('reports an embedded data directory that cannot be created as a cell error', async () => {
    const blocked = createDataDir();
    try {
      mkdirSync(join(blocked.dir, 'file-not-dir'));
      writeFileSync(join(blocked.dir, 'file-not-dir', 'x'), '');
      const parent = join(blocked.dir, 'file-not-dir', 'x');
      const target = resolveTarget(null, { connections: {}, db: null, env: {}, sandbox: false, dataDir: parent });
      const { sessions } = createRecordingSessions({ dataDir: parent });
      const result = await runCell(sessions, target, 'SELECT 1');
      expect(result.status).toBe('error');
      expect(result.error).toMatch(/^cannot open .*pglite: /);
      await sessions.close();
    } finally {
      blocked.remove();
    }
  });
});
