/**
 * Secrets: which values to hide, and hiding them in text, streams, URLs and
 * JSON-like values. Everything stored or shown goes through a Redactor.
 */
export { collectSecrets, IMPLICIT_SECRET_ENV, type CollectSecretsOptions } from './collect-secrets.js';
export { MIN_SECRET_LINE_LENGTH } from './expand-secret.js';
export { createRedactor, REDACTED, type Redactor } from './create-redactor.js';
export type { RedactionStream } from './create-redaction-stream.js';
export { redactUrl } from './redact-url.js';
export { redactValue } from './redact-value.js';
