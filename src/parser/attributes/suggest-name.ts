import { findClosest } from '../../model/edit-distance.js';

/**
 * The known name closest to `name`, for "did you mean" hints: a case-insensitive
 * edit distance (a swap of neighbours counts as one edit) of at most 2, or 1 for
 * names of up to 4 letters. Null when none is that close.
 */
export function suggestName(name: string, known: readonly string[]): string | null {
  return findClosest(name, known, name.length <= 4 ? 1 : 2);
}
