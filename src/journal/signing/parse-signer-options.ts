import { parseAbsoluteTime } from './parse-absolute-time.js';

/** The options field of an allowed_signers line, or why it is invalid. */
export type ParsedSignerOptions = { ok: true; options: Record<string, string | true> } | { ok: false; error: string };

const VALUED = ['namespaces', 'valid-after', 'valid-before'];

/**
 * Parses `opt[,opt...]` as sshsig.c sshsigopt_parse: `cert-authority`,
 * `namespaces="list"`, `valid-after="time"`, `valid-before="time"`, keywords
 * in any case, values in double quotes (`\"` escapes a quote). Keys of the
 * result are lower-case; values are unquoted. Anything else is an error, as
 * it is to ssh-keygen.
 */
export function parseSignerOptions(text: string): ParsedSignerOptions {
  const options: Record<string, string | true> = {};
  let rest = text;
  const fail = (error: string): ParsedSignerOptions => ({ ok: false, error });
  while (rest !== '' && rest[0] !== ' ' && rest[0] !== '\t') {
    const lower = rest.toLowerCase();
    const keyword = VALUED.find((name) => lower.startsWith(`${name}=`));
    if (lower.startsWith('cert-authority')) {
      options['cert-authority'] = true;
      rest = rest.slice('cert-authority'.length);
    } else if (keyword !== undefined) {
      if (keyword in options) return fail(`multiple "${keyword}" clauses`);
      const value = readQuoted(rest.slice(keyword.length + 1));
      if (typeof value === 'string') return fail(value);
      if (keyword !== 'namespaces' && !parseAbsoluteTime(value.text)) return fail(`invalid "${keyword}" time`);
      options[keyword] = value.text;
      rest = value.rest;
    }
    if (rest === '' || rest[0] === ' ' || rest[0] === '\t') break;
    if (rest[0] !== ',') return fail('unknown key option');
    rest = rest.slice(1);
    if (rest === '') return fail('unexpected end-of-options');
  }
  const after = typeof options['valid-after'] === 'string' ? parseAbsoluteTime(options['valid-after']) : null;
  const before = typeof options['valid-before'] === 'string' ? parseAbsoluteTime(options['valid-before']) : null;
  if (after !== null && before !== null && before <= after) return fail('"valid-before" time is before "valid-after"');
  return { ok: true, options };
}

/** A double-quoted value at the start of `text` (auth-options.c opt_dequote), or an error. */
function readQuoted(text: string): { text: string; rest: string } | string {
  if (text[0] !== '"') return 'missing start quote';
  let value = '';
  let index = 1;
  while (index < text.length && text[index] !== '"') {
    if (text[index] === '\\' && text[index + 1] === '"') index++;
    value += text[index];
    index++;
  }
  if (index >= text.length) return 'missing end quote';
  return { text: value, rest: text.slice(index + 1) };
}
