import type { Attributes } from '../../model/attributes.js';
import type { AttributesResult } from './normalize-attributes.js';

const UNION_KEYS = ['expect', 'needs', 'tag'] as const;

/**
 * Combines a block's comment attributes (`base`) with its fence meta
 * (`override`): for single values the fence meta wins, because it sits on the
 * code itself and is what Runme sees; `expect`, `needs` and `tag` are united
 * (in order, without repeats); `runme` and `unknown` are merged key by key.
 * Pure: neither input is changed.
 */
export function mergeAttributes(base: Attributes, override: Attributes): Attributes {
  const merged: Attributes = { ...base, ...override };
  for (const key of UNION_KEYS) {
    const values = [...new Set([...(base[key] ?? []), ...(override[key] ?? [])])];
    if (values.length > 0) merged[key] = values;
  }
  for (const key of ['runme', 'unknown'] as const) {
    if (base[key] !== undefined || override[key] !== undefined) merged[key] = { ...base[key], ...override[key] };
  }
  return merged;
}

/**
 * `mergeAttributes` for whole results: attributes merged, expectations united by
 * source text (comment first), diagnostics concatenated (comment first).
 */
export function mergeAttributeResults(base: AttributesResult, override: AttributesResult): AttributesResult {
  const sources = new Set(base.expectations.map((expectation) => expectation.source));
  return {
    attributes: mergeAttributes(base.attributes, override.attributes),
    expectations: [...base.expectations, ...override.expectations.filter((expectation) => !sources.has(expectation.source))],
    diagnostics: [...base.diagnostics, ...override.diagnostics],
  };
}
