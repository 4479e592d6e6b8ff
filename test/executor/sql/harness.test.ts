import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, getPostgresUrl, withSkipReason } from '../../support/postgres.js';
import { providePostgres } from '../../support/provide-postgres.js';

const url = getPostgresUrl();

describe.skipIf(!url)(withSkipReason('the PostgreSQL test harness'), () => {
  it('provides a server that wants the test role password over TCP', async () => {
    const parsed = new URL(url!);
    expect(parsed.password).not.toBe('');
    const wrong = new pg.Client({ connectionString: url!.replace(`:${parsed.password}@`, ':wrong@') });
    wrong.on('error', () => {});
    await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);
    const client = new pg.Client({ connectionString: url! });
    await client.connect();
    const { rows } = await client.query<{ user: string }>('SELECT current_user AS user');
    expect(rows[0]?.user).toBe(decodeURIComponent(parsed.username));
    await client.end();
  });

  it('creates a fresh database per caller and drops it', async () => {
    const first = await createTestDatabase('harness');
    const second = await createTestDatabase('harness');
    expect(first.name).not.toBe(second.name);
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
    expect(rows[0]?.db).toBe(first.name);
    await client.query('CREATE TABLE mine (id int)');
    await client.end();
    await first.drop();
    await second.drop();
    const again = new pg.Client({ connectionString: first.url });
    again.on('error', () => {});
    await expect(again.connect()).rejects.toThrow(/does not exist/);
  });
});

describe('the harness without PostgreSQL', () => {
  const collect = () => {
    const provided: Record<string, unknown> = {};
    return { provided, project: { provide: (key: string, value: unknown) => void (provided[key] = value) } };
  };

  it('fails loudly in CI', async () => {
    const { project } = collect();
    await expect(providePostgres(project, { env: { CI: 'true' }, findBinaries: () => null })).rejects.toThrow(/PostgreSQL not found .*CI=true requires a real PostgreSQL/);
  });

  it('provides null with a visible reason elsewhere', async () => {
    const { project, provided } = collect();
    const warnings: string[] = [];
    expect(await providePostgres(project, { env: {}, findBinaries: () => null, warn: (message) => warnings.push(message) })).toBeNull();
    expect(provided).toEqual({ postgresUrl: null, postgresAdminUrl: null, postgresSkipReason: expect.stringMatching(/^PostgreSQL not found/) });
    expect(warnings.join('')).toMatch(/tests against a real PostgreSQL server are skipped/);
  });

  it('uses TEST_DATABASE_URL as given', async () => {
    const { project, provided } = collect();
    expect(await providePostgres(project, { env: { TEST_DATABASE_URL: 'postgres://u:p@h/d' }, findBinaries: () => null })).toBeNull();
    expect(provided).toEqual({ postgresUrl: 'postgres://u:p@h/d', postgresAdminUrl: 'postgres://u:p@h/d', postgresSkipReason: null });
  });
});
