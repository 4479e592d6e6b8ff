/** A colour: one of the 16 named ones (0-7 normal, 8-15 bright), or an RGB hex `#rrggbb`. */
export type TerminalColor = { index: number } | { hex: string };

/** The styles that HTML reports render. Conceal (SGR 8) is deliberately not kept: reports never hide text. */
export interface SgrState {
  fg: TerminalColor | null;
  bg: TerminalColor | null;
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
}

export const DEFAULT_SGR_STATE: SgrState = { fg: null, bg: null, bold: false, dim: false, italic: false, underline: false };

/** The state after an SGR sequence's parameters. Pure; unknown parameters are ignored. */
export function applySgr(state: SgrState, params: readonly number[]): SgrState {
  let next = { ...state };
  for (let i = 0; i < params.length; i++) {
    const code = params[i]!;
    if (code === 0) next = { ...DEFAULT_SGR_STATE };
    else if (code === 1) next.bold = true;
    else if (code === 2) next.dim = true;
    else if (code === 3) next.italic = true;
    else if (code === 4) next.underline = true;
    else if (code === 22) next = { ...next, bold: false, dim: false };
    else if (code === 23) next.italic = false;
    else if (code === 24) next.underline = false;
    else if (code >= 30 && code <= 37) next.fg = { index: code - 30 };
    else if (code >= 90 && code <= 97) next.fg = { index: code - 90 + 8 };
    else if (code === 39) next.fg = null;
    else if (code >= 40 && code <= 47) next.bg = { index: code - 40 };
    else if (code >= 100 && code <= 107) next.bg = { index: code - 100 + 8 };
    else if (code === 49) next.bg = null;
    else if (code === 38 || code === 48) {
      const { color, used } = readExtendedColor(params, i + 1);
      if (color) next[code === 38 ? 'fg' : 'bg'] = color;
      i += used;
    }
  }
  return next;
}

/** `5;n` (256 colours) or `2;r;g;b` (24-bit) after a 38 or 48. */
function readExtendedColor(params: readonly number[], at: number): { color: TerminalColor | null; used: number } {
  const mode = params[at];
  if (mode === 5) {
    const n = params[at + 1];
    return { color: n === undefined || n > 255 ? null : getPaletteColor(n), used: 2 };
  }
  if (mode === 2) {
    const rgb = params.slice(at + 1, at + 4);
    if (rgb.length < 3 || rgb.some((v) => v > 255)) return { color: null, used: 1 + rgb.length };
    return { color: { hex: toHex(rgb) }, used: 4 };
  }
  return { color: null, used: 0 };
}

/** xterm's 256-colour palette: 16 named, a 6x6x6 cube, 24 greys. */
function getPaletteColor(n: number): TerminalColor {
  if (n < 16) return { index: n };
  if (n >= 232) {
    const grey = 8 + (n - 232) * 10;
    return { hex: toHex([grey, grey, grey]) };
  }
  const levels = [0, 95, 135, 175, 215, 255];
  const cube = n - 16;
  return { hex: toHex([levels[Math.floor(cube / 36)]!, levels[Math.floor(cube / 6) % 6]!, levels[cube % 6]!]) };
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
