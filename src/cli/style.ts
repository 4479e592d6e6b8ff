import type { OutputStream } from './command-spec.js';

/**
 * Whether to colour what goes to `stream`: never with NO_COLOR, always with
 * FORCE_COLOR (other than 0), else only on a terminal that is not `dumb`.
 */
export function isColorEnabled(stream: OutputStream, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** The few text styles the CLI's own output uses; identity functions when colour is off. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
}

/** ANSI bold and dim when `color` is true; plain text otherwise. */
export function createStyle(color: boolean): Style {
  const wrap = (open: number, close: number) => (text: string) => (color ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { bold: wrap(1, 22), dim: wrap(2, 22) };
}
