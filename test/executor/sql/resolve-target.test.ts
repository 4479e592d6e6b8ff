import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveTarget, type ResolveTargetOptions } from '../../../src/executor/sql/index.js';
import { LitopsError } from '../../../src/model/errors.js';

const base: ResolveTargetOptions = {
  connections: { primary: { url: 'postgres://app:hunter22@db.internal:5432/app' }, replica: { url: 'env:REPLICA_URL' } },
  db: null,
  env: {},
  sandbox: false,
  dataDir: '.litops',
};

function failure(run: () => unknown): LitopsError {
  try {
    run();
  } catch (error) {
    if (error instanceof LitopsError) return error;
    throw error;
  }
  throw new Error('expected a LitopsError');
}

describe('resolveTarget', () => {
  it("uses the cell's connection first, with the password redacted in the description", () => {
    const target = resolveTarget('primary', { ...base, db: 'postgres://other@h/db', env: { DATABASE_URL: 'postgres://x@y/z' } });
    expect(target).toEqual({
      name: 'primary',
      kind: 'postgres',
      url: 'postgres://app:hunter22@db.internal:5432/app',
      source: 'connection',
      description: 'postgres://app:[REDACTED]@db.internal:5432/app',
      params: null,
    });
  });

  it('reads an env:VAR connection URL from the environment', () => {
    const target = resolveTarget('replica', { ...base, env: { REPLICA_URL: 'postgresql://ro:pw%40x@replica/app?sslmode=require&password=also' } });
    expect(target.url).toBe('postgresql://ro:pw%40x@replica/app?sslmode=require&password=also');
    expect(target.description).toBe('postgresql://ro:[REDACTED]@replica/app?sslmode=require&password=[REDACTED]');
  });

  it('throws a usage error (exit 2) for an unknown connection, listing the known ones', () => {
    const error = failure(() => resolveTarget('primray', base));
    expect(error.exitCode).toBe(2);
    expect(error.code).toBe('unknown-connection');
    expect(error.message).toBe('unknown connection "primray": the runbook defines "primary", "replica" (front matter `connections`)');
  });

  it('throws a usage error for an env:VAR that is not set', () => {
    const error = failure(() => resolveTarget('replica', { ...base, env: { REPLICA_URL: '' } }));
    expect(error).toMatchObject({ exitCode: 2, code: 'connection-env-unset', message: 'connection "replica" reads its URL from $REPLICA_URL, which is not set' });
  });

  it('refuses a value that is not a postgres URL without echoing it', () => {
    const error = failure(() => resolveTarget('replica', { ...base, env: { REPLICA_URL: 'host=db password=topsecret' } }));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('$REPLICA_URL (connection "replica") is not a postgres:// or postgresql:// URL');
    expect(failure(() => resolveTarget(null, { ...base, db: 'mysql://u:topsecret@h/d' })).message).not.toContain('topsecret');
  });

  it('falls back to --db, then DATABASE_URL', () => {
    const env = { DATABASE_URL: 'postgres://env:pw1@envhost/envdb' };
    expect(resolveTarget(null, { ...base, db: 'postgres://cli:pw2@clihost/clidb', env })).toMatchObject({ name: 'default', source: '--db', description: 'postgres://cli:[REDACTED]@clihost/clidb' });
    expect(resolveTarget(null, { ...base, env })).toMatchObject({ name: 'default', source: 'DATABASE_URL', url: env.DATABASE_URL, description: 'postgres://env:[REDACTED]@envhost/envdb' });
  });

  it("then libpq's PG* variables, with libpq's defaults and the password redacted", () => {
    const env = { PGHOST: 'db.example', PGUSER: 'ops', PGPASSWORD: 'pgpass', PGSSLMODE: 'require' };
    const target = resolveTarget(null, { ...base, env });
    expect(target).toMatchObject({ name: 'default', kind: 'postgres', url: null, source: 'PG*', description: 'postgres://ops:[REDACTED]@db.example:5432/ops?sslmode=require' });
    expect(target.params).toEqual(env);
    const socket = resolveTarget(null, { ...base, env: { PGHOST: '/var/run/postgresql', PGDATABASE: 'app', PGUSER: 'me' } });
    expect(socket.description).toBe('postgres://me@/app?host=/var/run/postgresql&port=5432');
    expect(resolveTarget(null, { ...base, env: { PGPASSWORD: 'only-a-password' } }).source).toBe('embedded');
  });

  it('refuses PGSERVICE, which litops cannot read', () => {
    expect(failure(() => resolveTarget(null, { ...base, env: { PGSERVICE: 'prod' } })).code).toBe('pgservice-unsupported');
  });

  it('falls back to the embedded PostgreSQL in <dataDir>/pglite', () => {
    expect(resolveTarget(null, base)).toEqual({ name: 'embedded', kind: 'embedded', url: null, source: 'embedded', description: join(resolve('.litops'), 'pglite'), params: null });
  });

  it('sends every cell to a fresh embedded database with sandbox, still checking connection names', () => {
    const options = { ...base, sandbox: true, db: 'postgres://u@h/d', env: { DATABASE_URL: 'postgres://u@h/d' } };
    const expected = { name: 'sandbox', kind: 'embedded', url: null, source: 'sandbox', description: `fresh copy of ${join(resolve('.litops'), 'pglite-template')}`, params: null };
    expect(resolveTarget(null, options)).toEqual(expected);
    expect(resolveTarget('replica', options)).toEqual(expected);
    expect(failure(() => resolveTarget('nope', options)).code).toBe('unknown-connection');
  });
});
