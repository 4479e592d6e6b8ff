/** What replaces a secret in everything litops stores or shows. */
export const REDACTED = '[REDACTED]';

/** Secrets shorter than this are not searched for in output: replacing `pw` everywhere would garble it. */
const MIN_SECRET_LENGTH = 3;

/** A function that replaces every occurrence of the given secrets by `[REDACTED]`. */
export type Redactor = (text: string) => string;

/** Builds a redactor for `secrets` (empty and very short ones are ignored; longest first). */
export function createRedactor(secrets: Iterable<string>): Redactor {
  const list = [...new Set(secrets)].filter((secret) => secret.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
  if (list.length === 0) return (text) => text;
  return (text) => {
    let out = text;
    for (const secret of list) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  };
}

/** Applies `redact` to every string inside a JSON-like value (arrays and plain objects), returning a copy. */
export function redactDeep<T>(value: T, redact: Redactor): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item, redact)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, redact)])) as T;
  }
  return value;
}
