import type { Key } from 'ink';

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
} as Key;

/**
 * Ink hands a run of keys typed faster than it reads them (tmux, a paste, a
 * quick typist) as one input: `"\x7f\x7f\x7f"` or `"abc\r"`. Splits such a
 * run into single key presses, so three Backspaces delete three characters
 * and Enter after text still submits. Anything else passes as it came.
 */
export function splitKeys(input: string, key: Key): Array<{ input: string; key: Key }> {
  if (input.length <= 1 || key.ctrl || key.meta || !/[\u0000-\u001f\u007f]/.test(input)) return [{ input, key }];
  const presses: Array<{ input: string; key: Key }> = [];
  let text = '';
  const flush = () => {
    if (text) presses.push({ input: text, key: NO_KEY });
    text = '';
  };
  for (const char of input) {
    const code = char.codePointAt(0)!;
    if (code >= 0x20 && code !== 0x7f) {
      text += char;
      continue;
    }
    flush();
    if (char === '\r' || char === '\n') presses.push({ input: '', key: { ...NO_KEY, return: true } });
    else if (char === '\t') presses.push({ input: '', key: { ...NO_KEY, tab: true } });
    else if (code === 0x7f) presses.push({ input: '', key: { ...NO_KEY, delete: true } });
    else if (code === 0x08) presses.push({ input: '', key: { ...NO_KEY, backspace: true } });
    else if (code >= 1 && code <= 26) presses.push({ input: String.fromCharCode(code + 96), key: { ...NO_KEY, ctrl: true } });
  }
  flush();
  return presses;
}
