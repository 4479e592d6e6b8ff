import { REDACTED } from './create-redactor.js';
import { findUrlPasswords } from './find-url-passwords.js';

/**
 * A connection URL (or conninfo string) fit to show and log: each password
 * becomes `[REDACTED]` and everything else stays as written (no parsing and
 * re-serialising, so nothing is normalised). Covers `scheme://user:pass@host`
 * for any scheme, secret query parameters (`?password=`), conninfo
 * `password=`, and, when there is no `scheme://` (a malformed URL),
 * `user:pass@host` anyway. An empty password is left as it is.
 *
 * @example redactUrl('postgres://app:s3cret@db:5432/prod') // 'postgres://app:[REDACTED]@db:5432/prod'
 */
export function redactUrl(url: string): string {
  const spans = findUrlPasswords(url, { loose: true }).sort((a, b) => a.start - b.start);
  let out = '';
  let position = 0;
  for (const span of spans) {
    if (span.end <= position) continue;
    if (span.start >= position) out += url.slice(position, span.start) + REDACTED;
    position = span.end;
  }
  return out + url.slice(position);
}
