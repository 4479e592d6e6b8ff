/**
 * An Aho-Corasick automaton over UTF-16 code units: it reads a text once, one
 * code unit at a time, and knows at each position which secrets end there,
 * whatever their overlaps. Secrets are matched literally (no regular
 * expressions) and case-sensitively. State 0 is the start.
 */
export interface SecretMatcher {
  /** The state after reading `code` in `state`. Amortised O(1). */
  next(state: number, code: number): number;
  /** Per state: length of the longest secret that ends at the last code unit read, or 0. */
  readonly matchLength: Int32Array;
  /**
   * Per state: length of the longest suffix of the text read so far that is a
   * proper prefix of some secret. That much must wait for more text before it
   * can be shown; everything before it is decided.
   */
  readonly holdLength: Int32Array;
}

/** Builds the matcher for non-empty, distinct secrets. */
export function buildSecretMatcher(secrets: readonly string[]): SecretMatcher {
  const { children, depth, terminal } = buildTrie(secrets);
  const count = children.length;
  const fail = new Int32Array(count);
  const matchLength = new Int32Array(count);
  const holdLength = new Int32Array(count);
  // The start state's moves as a table: most text never leaves the start state.
  const rootNext = new Int32Array(0x10000);
  for (const [code, child] of children[0] ?? []) rootNext[code] = child;

  const next = (state: number, code: number): number => {
    for (let current = state; current !== 0; current = fail[current] ?? 0) {
      const child = children[current]?.get(code);
      if (child !== undefined) return child;
    }
    return rootNext[code] ?? 0;
  };

  const queue = [0];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] ?? 0;
    const failure = fail[node] ?? 0;
    matchLength[node] = terminal[node] ? (depth[node] ?? 0) : node === 0 ? 0 : (matchLength[failure] ?? 0);
    holdLength[node] = (children[node]?.size ?? 0) > 0 ? (depth[node] ?? 0) : node === 0 ? 0 : (holdLength[failure] ?? 0);
    for (const [code, child] of children[node] ?? []) {
      fail[child] = node === 0 ? 0 : next(failure, code);
      queue.push(child);
    }
  }
  return { next, matchLength, holdLength };
}

function buildTrie(secrets: readonly string[]): { children: Map<number, number>[]; depth: number[]; terminal: boolean[] } {
  const children: Map<number, number>[] = [new Map()];
  const depth = [0];
  const terminal = [false];
  for (const secret of secrets) {
    let node = 0;
    for (let i = 0; i < secret.length; i++) {
      const code = secret.charCodeAt(i);
      const map = children[node] as Map<number, number>;
      let child = map.get(code);
      if (child === undefined) {
        child = children.length;
        map.set(code, child);
        children.push(new Map());
        depth.push((depth[node] ?? 0) + 1);
        terminal.push(false);
      }
      node = child;
    }
    if (secret.length > 0) terminal[node] = true;
  }
  return { children, depth, terminal };
}
