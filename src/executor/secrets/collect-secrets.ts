import type { Variable } from '../../model/runbook.js';
import { isSecretName } from '../../parser/index.js';
import { expandSecret } from './expand-secret.js';
import { findUrlPasswords } from './find-url-passwords.js';

/** Environment variables libpq, psql and the SQL session read without the runbook naming them. */
export const IMPLICIT_SECRET_ENV = ['PGPASSWORD', 'DATABASE_URL'] as const;

/** What the run knows that may hold secrets. */
export interface CollectSecretsOptions {
  /** The runbook's variables: which are secret (marked, or named like a secret), and which the runbook uses. */
  variables: readonly Variable[];
  /** Values by name: resolved inputs, the front matter's `env`, captures so far. */
  values: Readonly<Record<string, string | undefined>>;
  /** Connection URLs or conninfo strings (front-matter connections, `--db`); `env:NAME` reads `values`, then `env`. Default []. */
  urls?: readonly string[];
  /** The process environment. Only variables the runbook uses (and IMPLICIT_SECRET_ENV) are looked at. Default {}. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The strings to redact, distinct, longest first:
 *
 * - the values of variables marked `secret` or named like a secret
 *   (`*PASSWORD*`, `*SECRET*`, `*TOKEN*`, `*KEY*`: isSecretName), from `values`
 *   and, for variables the runbook uses, from the environment;
 * - PGPASSWORD from the environment, which libpq uses unasked;
 * - the password of every connection URL or conninfo in `urls`, and in any value
 *   above or in `values` (a `DATABASE_URL` is not secret by name, its password
 *   is), both as written and percent-decoded;
 * - for each, the forms expandSecret lists (trimmed, CRLF, JSON-escaped, URL-encoded).
 *
 * Empty values are ignored. Short ones are not: a one-character secret hides
 * that character everywhere, and a secret-named flag such as `SKIP_TOKEN_CHECK=1`
 * hides every `1`. Security wins over readability; the caller may warn about
 * secrets shorter than 4 characters.
 */
export function collectSecrets(options: CollectSecretsOptions): string[] {
  const { variables, values, urls = [], env = {} } = options;
  const marked = new Set(variables.filter((variable) => variable.secret).map((variable) => variable.name));
  const isSecret = (name: string): boolean => marked.has(name) || isSecretName(name);
  const found = new Set<string>();
  const addSecret = (value: string): void => {
    for (const form of expandSecret(value)) found.add(form);
  };
  const addPasswords = (text: string, loose: boolean): void => {
    for (const span of findUrlPasswords(text, { loose })) {
      addSecret(span.raw);
      addSecret(span.decoded);
    }
  };
  const addNamed = (name: string, value: string | undefined): void => {
    if (value === undefined || value === '') return;
    if (isSecret(name)) addSecret(value);
    addPasswords(value, false);
  };

  for (const [name, value] of Object.entries(values)) addNamed(name, value);
  const used = new Set<string>([...variables.map((variable) => variable.name), ...IMPLICIT_SECRET_ENV]);
  for (const name of used) addNamed(name, Object.hasOwn(env, name) ? env[name] : undefined);
  for (const url of urls) {
    const text = url.startsWith('env:') ? lookUp(url.slice(4), values, env) : url;
    if (text) addPasswords(text, true);
  }
  return [...found].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}

function lookUp(name: string, ...records: Readonly<Record<string, string | undefined>>[]): string | undefined {
  for (const record of records) {
    const value = Object.hasOwn(record, name) ? record[name] : undefined;
    if (value) return value;
  }
  return undefined;
}
