/**
 * `text` as a string of its own. A V8 substring can be a view into the string
 * it was cut from: a 40-character line cut from a 64 KiB chunk of output would
 * keep the whole chunk alive for as long as the line is kept. Converting a
 * concatenation to a number flattens it into a fresh copy (the trick of the
 * `flatstr` package); the slice taken from that copy refers to the copy only.
 */
export function detachString(text: string): string {
  // V8 copies substrings shorter than 13 characters rather than making views.
  if (text.length < 13) return text;
  const joined = ` ${text}`;
  Number(joined);
  return joined.slice(1);
}
