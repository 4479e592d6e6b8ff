import { findClosest } from '../model/edit-distance.js';

export { getEditDistance } from '../model/edit-distance.js';

/** The candidate closest to `word` (case-insensitive edit distance of at most 2), for "did you mean" hints. */
export function suggestClosest(word: string, candidates: readonly string[]): string | undefined {
  return findClosest(word, candidates, 2) ?? undefined;
}
