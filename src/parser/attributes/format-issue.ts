import type { z } from 'zod';

/**
 * One line for a zod issue on user input: `timeout: expected a duration ...`.
 * The path is dotted (`variables.DB_URL.secret`); record-key and unknown-key
 * issues are spelled out rather than zod's generic "Invalid key in record".
 */
export function formatIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  const prefix = path === '' ? '' : `${path}: `;
  if (issue.code === 'invalid_key') {
    const inner = issue.issues.map((nested) => nested.message).join('; ');
    return `${prefix}invalid name (${inner})`;
  }
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `"${key}"`).join(', ');
    return `${prefix}unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}`;
  }
  return `${prefix}${issue.message}`;
}
