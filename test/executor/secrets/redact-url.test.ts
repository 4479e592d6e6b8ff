import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../../src/executor/secrets/index.js';

describe('redactUrl', () => {
  it.each([
    ['postgres://app:s3cret@db.internal:5432/prod', 'postgres://app:[REDACTED]@db.internal:5432/prod'],
    ['postgresql://app:s3cret@db/prod?sslmode=require', 'postgresql://app:[REDACTED]@db/prod?sslmode=require'],
    ['mysql://root:pw@127.0.0.1/x', 'mysql://root:[REDACTED]@127.0.0.1/x'],
    ['redis://:only-password@cache:6379/0', 'redis://:[REDACTED]@cache:6379/0'],
    ['mongodb+srv://u:p@cluster0.example.net/db', 'mongodb+srv://u:[REDACTED]@cluster0.example.net/db'],
    ['https://bot:ghp_abc@github.com/org/repo.git', 'https://bot:[REDACTED]@github.com/org/repo.git'],
    ['postgres://u:pw@[::1]:5432/db', 'postgres://u:[REDACTED]@[::1]:5432/db'],
  ])('hides the password of %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it('hides a percent-encoded password as written, leaving the rest unnormalised', () => {
    expect(redactUrl('postgresql://App:p%40ss%2Fw0rd@DB.Example.COM:5432/Prod')).toBe('postgresql://App:[REDACTED]@DB.Example.COM:5432/Prod');
  });

  it('hides passwords with unencoded @ or / in them', () => {
    expect(redactUrl('postgres://u:p@ss@host/db')).toBe('postgres://u:[REDACTED]@host/db');
    expect(redactUrl('postgres://u:pa/ss@host/db')).toBe('postgres://u:[REDACTED]@host/db');
    expect(redactUrl('postgres://u:pa/ss@host/db?application_name=a@b')).toBe('postgres://u:[REDACTED]@host/db?application_name=a@b');
  });

  it('leaves URLs without a password as they are (ports and @ in paths or queries are not passwords)', () => {
    for (const url of [
      'postgres://app@db/prod',
      'postgres://db:5432/prod',
      'postgres:///prod?host=/var/run/postgresql',
      'postgres://u:@db/prod',
      'https://example.com:8080/users/@me',
      'postgres://db:5432/prod?application_name=ops@host',
      'https://registry.example.com/@scope/pkg',
      'not a url at all',
      '',
    ]) {
      expect(redactUrl(url)).toBe(url);
    }
  });

  it('hides secret query parameters', () => {
    expect(redactUrl('postgresql:///db?user=u&password=s3cret&sslmode=require')).toBe('postgresql:///db?user=u&password=[REDACTED]&sslmode=require');
    expect(redactUrl('jdbc:postgresql://db/x?user=u&password=pw#frag')).toBe('jdbc:postgresql://db/x?user=u&password=[REDACTED]#frag');
    expect(redactUrl('https://api.example.com/v1?access_token=abc&page=2')).toBe('https://api.example.com/v1?access_token=[REDACTED]&page=2');
    expect(redactUrl('postgres://u:pw@db/x?sslpassword=k')).toBe('postgres://u:[REDACTED]@db/x?sslpassword=[REDACTED]');
  });

  it('hides the password of a libpq conninfo string', () => {
    expect(redactUrl('host=db user=app password=s3cret dbname=prod')).toBe('host=db user=app password=[REDACTED] dbname=prod');
    expect(redactUrl("host=db password = 'a b\\'c' dbname=prod")).toBe("host=db password = '[REDACTED]' dbname=prod");
    expect(redactUrl('password=a\\ b port=5432')).toBe('password=[REDACTED] port=5432');
    expect(redactUrl("PASSWORD='unterminated")).toBe("PASSWORD='[REDACTED]");
    expect(redactUrl('Server=db;Uid=app;Pwd=s3cret;')).toBe('Server=db;Uid=app;Pwd=[REDACTED]');
  });

  it('hides user:password@ even when the text is not a parseable URL', () => {
    expect(redactUrl('app:s3cret@db:5432/prod')).toBe('app:[REDACTED]@db:5432/prod');
    expect(redactUrl('postgres:/app:s3cret@db/prod')).toBe('postgres:[REDACTED]@db/prod');
    expect(redactUrl('postgres://app:s3cret@[bad')).toBe('postgres://app:[REDACTED]@[bad');
    expect(() => new URL('postgres://app:s3cret@[bad')).toThrow();
  });
});
