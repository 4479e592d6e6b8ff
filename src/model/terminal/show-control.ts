/**
 * A control sequence or character as visible, inert text: ESC as `␛`, other
 * C0 controls as their Unicode control pictures (`␇`, `␍`), DEL as `␡`, and C1
 * controls and bidirectional overrides as `⟨U+XXXX⟩`. The result holds no
 * character a terminal or a browser would act on.
 */
export function showControl(raw: string): string {
  let shown = '';
  for (const char of raw) {
    const code = char.codePointAt(0)!;
    if (code < 0x20) shown += String.fromCodePoint(0x2400 + code);
    else if (code === 0x7f) shown += '\u2421';
    else if ((code >= 0x80 && code <= 0x9f) || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) {
      shown += `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩`;
    } else shown += char;
  }
  return shown;
}

/** Every character {@link showControl} changes, except tab and newline. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/** Text kept as lines (tabs and newlines kept, `\r\n` read as `\n`), every other control character visible. */
export function showControls(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(CONTROL_CHARACTERS, showControl);
}
