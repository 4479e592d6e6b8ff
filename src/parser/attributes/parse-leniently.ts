import type { z } from 'zod';

/** Options of `parseLeniently`. */
export interface ParseLenientlyOptions {
  /** Top-level keys whose values are records: an issue inside drops only the offending entry. Default none. */
  recordKeys?: readonly string[];
}

/**
 * Validates `input` with an object schema whose keys are all optional or
 * defaulted, and never fails: every issue is returned, and the offending key
 * (or record entry) is dropped so that the rest still yields a usable value.
 */
export function parseLeniently<Schema extends z.ZodType>(
  schema: Schema,
  input: Record<string, unknown>,
  options: ParseLenientlyOptions = {},
): { data: z.output<Schema>; issues: z.core.$ZodIssue[] } {
  const recordKeys = new Set(options.recordKeys ?? []);
  let current: Record<string, unknown> = { ...input };
  const issues: z.core.$ZodIssue[] = [];
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const result = schema.safeParse(current);
    if (result.success) return { data: result.data, issues };
    if (attempt === 0) issues.push(...result.error.issues);
    current = dropOffenders(current, result.error.issues, recordKeys);
  }
  return { data: schema.parse({}), issues };
}

function dropOffenders(input: Record<string, unknown>, issues: readonly z.core.$ZodIssue[], recordKeys: Set<string>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...input };
  for (const issue of issues) {
    const [key, entry] = issue.path;
    if (typeof key !== 'string') return {};
    const record = next[key];
    if (recordKeys.has(key) && entry !== undefined && isPlainRecord(record)) {
      const { [String(entry)]: _dropped, ...rest } = record;
      next[key] = rest;
    } else {
      delete next[key];
    }
  }
  return next;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
