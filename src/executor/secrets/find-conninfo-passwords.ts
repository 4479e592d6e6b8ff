import type { PasswordSpan } from './find-url-passwords.js';

/** `password=`, `sslpassword=` and ODBC's `pwd=` keywords, at the start or after whitespace or `;`. */
const KEYWORD = /(?:^|[\s;])(?:(?:ssl)?password|pwd)\s*=\s*/gi;

/**
 * Finds the passwords of libpq conninfo strings (`host=db password=s3cret`,
 * `password='a b\'c'`: libpq quotes with `'` and escapes with `\`). An
 * unquoted value ends at whitespace that no `\` escapes; a quoted one at its
 * closing quote, or at the end of the text when it has none.
 */
export function findConninfoPasswords(text: string): PasswordSpan[] {
  const spans: PasswordSpan[] = [];
  for (const match of text.matchAll(KEYWORD)) {
    const start = match.index + match[0].length;
    if (text[start] === "'") {
      const end = findClosingQuote(text, start + 1);
      const raw = text.slice(start + 1, end);
      if (raw !== '') spans.push({ start: start + 1, end, raw, decoded: raw.replace(/\\(.)/gs, '$1') });
    } else {
      const stop = findUnquotedEnd(text, start);
      const raw = text.slice(start, stop);
      if (raw !== '') spans.push({ start, end: stop, raw, decoded: raw.replace(/\\(.)/gs, '$1') });
    }
  }
  return spans;
}

function findUnquotedEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !/\s/.test(text[i] as string)) i += text[i] === '\\' ? 2 : 1;
  return Math.min(i, text.length);
}

function findClosingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === "'") return i;
  }
  return text.length;
}
