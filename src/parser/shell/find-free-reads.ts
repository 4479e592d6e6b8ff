import type { ReadRecord, SetRecord } from './collect-variables.js';
import type { VariableUse } from './types.js';
import { isWellKnownVariable } from './well-known-variables.js';

/**
 * Reads that nothing in the cell provides: not well-known, and no set of the same
 * name takes effect before them in a region that encloses them. A read inside a
 * function body runs when the function is called, usually after the cell's
 * top-level sets, so any set of the cell covers it regardless of position.
 */
export function findFreeReads(reads: readonly ReadRecord[], sets: readonly SetRecord[]): VariableUse[] {
  return reads
    .filter((read) => !isWellKnownVariable(read.use.name))
    .filter((read) => !sets.some((set) => coversRead(set, read)))
    .map((read) => read.use);
}

function coversRead(set: SetRecord, read: ReadRecord): boolean {
  if (set.use.name !== read.use.name || !set.covers) return false;
  const regionIds = read.regions.map((region) => region.id);
  if (!set.cover.every((id) => regionIds.includes(id))) return false;
  const inFunction = read.regions.some((region) => region.kind === 'function');
  return inFunction || set.effect <= read.index;
}
