import { applySgr, DEFAULT_SGR_STATE, type SgrState, type TerminalColor } from '../../model/terminal/sgr-state.js';
import { detachString } from './detach-string.js';

/**
 * The colour and style active on a stream, kept as the SGR sequences that
 * re-establish it, so that each stored line can start in the right style.
 */
export interface SgrCarry {
  /**
   * What re-establishes the style from the default one; `''` for the default
   * style. One sequence built from `state`, unless the style has attributes
   * `state` does not model: then the sequences since the last reset, as written.
   */
  readonly sequence: string;
  /** Whether the style has attributes {@link SgrState} does not model (inverse, strike-through, blink...). */
  readonly unmodeled: boolean;
  /** The modeled part of the style. */
  readonly state: SgrState;
}

/** The default style: nothing to re-establish. */
export const EMPTY_SGR_CARRY: SgrCarry = { sequence: '', unmodeled: false, state: DEFAULT_SGR_STATE };

/** The longest `sequence` kept as written; a longer one is rebuilt from `state`, losing unmodeled attributes. */
const MAX_SEQUENCE_LENGTH = 256;

/** Recent results for modeled carries, whose `sequence` says all about them; bounded, cleared when full. */
const cache = new Map<string, SgrCarry>();
const CACHE_SIZE = 512;

/** The carry after one SGR sequence `raw` (`ESC [ digits and semicolons m`). */
export function applySgrCarry(carry: SgrCarry, raw: string): SgrCarry {
  if (carry.unmodeled) return computeSgrCarry(carry, raw);
  const key = `${carry.sequence}\u0000${raw}`;
  let next = cache.get(key);
  if (!next) {
    if (cache.size >= CACHE_SIZE) cache.clear();
    next = computeSgrCarry(carry, raw);
    cache.set(key, next);
  }
  return next;
}

function computeSgrCarry(carry: SgrCarry, raw: string): SgrCarry {
  // Read as the terminal tokenizer reads SGR parameters.
  const parts = raw.slice(2, -1).split(';');
  const params = parts.map((part) => (part === '' ? 0 : Number(part)));
  const state = applySgr(carry.state, params);
  const reset = findLastReset(params);
  let sequence: string;
  let unmodeled: boolean;
  if (reset === -1) {
    sequence = carry.sequence + raw;
    unmodeled = carry.unmodeled || hasUnmodeled(params);
  } else {
    // Rebuilt from the raw text, never from the parsed numbers (1e+250 would be a cursor movement).
    const rest = parts.slice(reset + 1);
    sequence = rest.length === 0 ? '' : `\u001b[${rest.join(';')}m`;
    unmodeled = hasUnmodeled(params.slice(reset + 1));
  }
  // What the model covers is best said in one short sequence; the rest is kept as written, up to a bound.
  if (!unmodeled || sequence.length > MAX_SEQUENCE_LENGTH) return { sequence: formatSgrState(state), unmodeled: false, state };
  return { sequence: detachString(sequence), unmodeled, state };
}

/** One SGR sequence that sets `state` from the default style (`''` for the default style itself). */
export function formatSgrState(state: SgrState): string {
  const params: string[] = [];
  if (state.bold) params.push('1');
  if (state.dim) params.push('2');
  if (state.italic) params.push('3');
  if (state.underline) params.push('4');
  if (state.fg) params.push(formatColor(state.fg, 30, 90, 38));
  if (state.bg) params.push(formatColor(state.bg, 40, 100, 48));
  return params.length === 0 ? '' : `\u001b[${params.join(';')}m`;
}

function formatColor(color: TerminalColor, normal: number, bright: number, extended: number): string {
  if ('index' in color) return String(color.index < 8 ? normal + color.index : bright + color.index - 8);
  const rgb = [1, 3, 5].map((at) => Number.parseInt(color.hex.slice(at, at + 2), 16));
  return `${extended};2;${rgb.join(';')}`;
}

/** How many parameters after a 38 or 48 at `index` belong to it, the way {@link applySgr} reads them. */
function countColorArguments(params: readonly number[], index: number): number {
  const mode = params[index + 1];
  if (mode === 5) return 2;
  if (mode === 2) return 1 + Math.min(3, params.length - index - 2);
  return 0;
}

/** The index of the last parameter that resets every attribute, or -1. */
function findLastReset(params: readonly number[]): number {
  let reset = -1;
  for (let i = 0; i < params.length; i++) {
    const code = params[i]!;
    if (code === 0) reset = i;
    else if (code === 38 || code === 48) i += countColorArguments(params, i);
  }
  return reset;
}

function isModeledCode(code: number): boolean {
  return (
    (code >= 0 && code <= 4) || (code >= 22 && code <= 24) || (code >= 30 && code <= 37) || code === 39 ||
    (code >= 40 && code <= 47) || code === 49 || (code >= 90 && code <= 97) || (code >= 100 && code <= 107)
  );
}

function hasUnmodeled(params: readonly number[]): boolean {
  for (let i = 0; i < params.length; i++) {
    const code = params[i]!;
    if (code === 38 || code === 48) {
      const used = countColorArguments(params, i);
      const valid = used === 2 ? params[i + 2]! <= 255 : used === 4 && params.slice(i + 2, i + 5).every((v) => v <= 255);
      if (!valid) return true;
      i += used;
    } else if (!isModeledCode(code)) return true;
  }
  return false;
}
