import { describe, expect, it } from 'vitest';
import { collectSecrets, createRedactor } from '../../../src/executor/secrets/index.js';
import { makeVariable } from '../inputs/make-variable.js';

describe('collectSecrets', () => {
  it('takes the values of variables marked secret or named like a secret', () => {
    const variables = [makeVariable('ADMIN', { secret: true }), makeVariable('DB_PASSWORD'), makeVariable('API_TOKEN'), makeVariable('CLIENT_SECRET'), makeVariable('SSH_KEY'), makeVariable('DB_HOST')];
    const values = { ADMIN: 'root-pw', DB_PASSWORD: 'hunter2', API_TOKEN: 'tok_1', CLIENT_SECRET: 'cs', SSH_KEY: 'k', DB_HOST: 'db1', passwd_file: 'x' };
    expect(collectSecrets({ variables, values })).toEqual(['hunter2', 'root-pw', 'tok_1', 'cs', 'k', 'x']);
  });

  it('ignores empty and missing values, keeps one-character ones, and lists each secret once, longest first', () => {
    const variables = [makeVariable('A_TOKEN'), makeVariable('B_TOKEN'), makeVariable('C_TOKEN')];
    expect(collectSecrets({ variables, values: { A_TOKEN: '', B_TOKEN: undefined, C_TOKEN: '1', D_TOKEN: 'same', E_TOKEN: 'same', F_TOKEN: 'longer' } })).toEqual(['longer', 'same', '1']);
  });

  it('takes secret values from the environment only for variables the runbook uses, and PGPASSWORD always', () => {
    const env = { API_TOKEN: 'used-token', GITHUB_TOKEN: 'unused-token', KEYTIMEOUT: '1', PGPASSWORD: 'pg-pw', HOME: '/root' };
    expect(collectSecrets({ variables: [makeVariable('API_TOKEN'), makeVariable('HOME')], values: {}, env })).toEqual(['used-token', 'pg-pw']);
  });

  it('takes passwords from connection URLs, as written and decoded', () => {
    const urls = ['postgres://app:p%40ss%2Fw@db/prod', 'host=db password=conn-pw', 'env:TARGET_URL', 'env:FROM_ENV', 'env:NOT_SET', 'postgres://nopassword@db/x'];
    const secrets = collectSecrets({ variables: [], values: { TARGET_URL: 'mysql://u:from-values@h/x' }, env: { FROM_ENV: 'u:loose-pw@h:5432/x' }, urls });
    expect(secrets).toEqual(expect.arrayContaining(['p%40ss%2Fw', 'p@ss/w', 'conn-pw', 'from-values', 'loose-pw']));
    expect(secrets).not.toContain('nopassword');
  });

  it('takes the password of a URL held by any variable, secret by name or not, and DATABASE_URL', () => {
    const secrets = collectSecrets({
      variables: [makeVariable('REPLICA_URL')],
      values: { PRIMARY: 'postgres://u:primary-pw@db/x' },
      env: { REPLICA_URL: 'postgres://u:replica-pw@db/x', DATABASE_URL: 'postgres://u:database-url-pw@db/x', OTHER_URL: 'postgres://u:unused-pw@db/x' },
    });
    expect(secrets).toEqual(expect.arrayContaining(['primary-pw', 'replica-pw', 'database-url-pw']));
    expect(secrets).not.toContain('unused-pw');
    expect(secrets).not.toContain('postgres://u:primary-pw@db/x');
  });

  it('adds the trimmed, CRLF, JSON-escaped and URL-encoded forms, and long lines of multi-line secrets', () => {
    const key = '-----BEGIN KEY-----\nMIIEvQIBADANBgkq\n}\n-----END KEY-----\n';
    const secrets = collectSecrets({ variables: [], values: { SSH_KEY: key, DB_PASSWORD: 'p"a ss' } });
    expect(secrets).toEqual(
      expect.arrayContaining([
        key,
        key.trim(),
        key.replace(/\n/g, '\r\n'),
        '-----BEGIN KEY-----\\nMIIEvQIBADANBgkq\\n}\\n-----END KEY-----',
        'MIIEvQIBADANBgkq',
        '-----END KEY-----',
        'p"a ss',
        'p\\"a ss',
        'p%22a%20ss',
      ]),
    );
    expect(secrets).not.toContain('}');
    expect(secrets.map((secret) => secret.length)).toEqual([...secrets.map((secret) => secret.length)].sort((a, b) => b - a));
  });

  it('feeds a redactor that hides the password however a tool prints it', () => {
    const secrets = collectSecrets({ variables: [], values: {}, urls: ['postgres://app:p%40ss@db/prod'] });
    const redactor = createRedactor(secrets);
    expect(redactor.redact('connecting with p@ss to postgres://app:p%40ss@db/prod')).toBe('connecting with [REDACTED] to postgres://app:[REDACTED]@db/prod');
  });
});
