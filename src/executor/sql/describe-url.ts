import { REDACTED } from './redact.js';

const PASSWORD_PARAMS = new Set(['password', 'pass', 'sslpassword']);

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Parses a `postgres://` / `postgresql://` URL; null for anything else. */
export function parsePostgresUrl(url: string): URL | null {
  if (!/^postgres(?:ql)?:\/\//i.test(url)) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The URL with its password (in the user info or a `password=` parameter)
 * replaced by `[REDACTED]`: `postgres://litops:[REDACTED]@127.0.0.1:5433/db`.
 * A value that is not a URL is described without echoing it.
 */
export function redactUrl(url: string): string {
  const parsed = parsePostgresUrl(url);
  if (!parsed) return '(not a postgres:// URL)';
  const user = parsed.username ? `${parsed.username}${parsed.password ? `:${REDACTED}` : ''}@` : parsed.password ? `:${REDACTED}@` : '';
  const params = [...parsed.searchParams].map(([key, value]) => `${key}=${PASSWORD_PARAMS.has(key.toLowerCase()) ? REDACTED : value}`);
  const search = params.length > 0 ? `?${params.join('&')}` : '';
  return `${parsed.protocol}//${user}${parsed.host}${parsed.pathname}${search}`;
}

/** The secrets a URL carries (its password, raw and decoded), for redacting output and errors. */
export function findUrlSecrets(url: string): string[] {
  const parsed = parsePostgresUrl(url);
  if (!parsed) return [url];
  const secrets: string[] = [];
  if (parsed.password) secrets.push(parsed.password, decode(parsed.password));
  for (const [key, value] of parsed.searchParams) if (PASSWORD_PARAMS.has(key.toLowerCase()) && value) secrets.push(value);
  return secrets;
}
