/** One attribute as written, before normalisation. Offsets are 0-based, into the text that was read. */
export interface RawAttribute {
  key: string;
  keyOffset: number;
  /** A JSON value, or for the `key=value` syntax a string (`true` for a bare key; a list for repeated list keys). */
  value: unknown;
  valueOffset: number;
  /** Where each element starts, when `value` is a list. */
  itemOffsets?: number[];
}

/** A problem found while reading, at a 0-based offset. */
export interface ReadProblem {
  message: string;
  offset: number;
}

/** The entries read; `error` is set (and `entries` empty) when the text could not be read at all. */
export interface ReadAttributesResult {
  entries: RawAttribute[];
  warnings: ReadProblem[];
  error?: ReadProblem;
}

/** Keys whose repeats add up (`expect="a" expect="b"`) instead of replacing each other. */
export const LIST_KEYS: ReadonlySet<string> = new Set(['expect', 'needs', 'tag']);
