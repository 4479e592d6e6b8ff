/**
 * OpenSSH's patterns (ssh_config(5) PATTERNS), as match.c implements them:
 * `*` matches any run of characters, `?` exactly one, everything else itself,
 * case-sensitively. Used for allowed_signers principals and namespaces.
 */

/** True when all of `text` matches `pattern`. */
export function matchPattern(text: string, pattern: string): boolean {
  return matchFrom(text, 0, pattern, 0);
}

function matchFrom(text: string, t: number, pattern: string, p: number): boolean {
  for (;;) {
    if (p === pattern.length) return t === text.length;
    if (pattern[p] === '*') {
      while (pattern[p] === '*') p++;
      if (p === pattern.length) return true;
      for (let start = t; start < text.length; start++) {
        if ((pattern[p] === '?' || text[start] === pattern[p]) && matchFrom(text, start, pattern, p)) return true;
      }
      return false;
    }
    if (t === text.length) return false;
    if (pattern[p] !== '?' && pattern[p] !== text[t]) return false;
    t++;
    p++;
  }
}

/** OpenSSH's limit on one pattern of a list; a longer one makes the whole list fail to match. */
const MAX_PATTERN_LENGTH = 1023;

/**
 * Matches `text` against a comma-separated pattern list, as match.c's
 * match_pattern_list: 1 when a pattern matches and no negated one (`!pat`)
 * does, -1 when a negated pattern matches, 0 otherwise.
 */
export function matchPatternList(text: string, list: string): 1 | 0 | -1 {
  let positive = false;
  let index = 0;
  while (index < list.length) {
    const negated = list[index] === '!';
    if (negated) index++;
    let end = list.indexOf(',', index);
    if (end === -1) end = list.length;
    if (end - index >= MAX_PATTERN_LENGTH) return 0;
    if (matchPattern(text, list.slice(index, end))) {
      if (negated) return -1;
      positive = true;
    }
    index = end + 1;
  }
  return positive ? 1 : 0;
}
