/**
 * Turns the server's text for one value into something JSON keeps exactly:
 * booleans and small numbers become JSON booleans and numbers; bigint, numeric
 * and money stay strings (no precision lost); timestamps become ISO 8601;
 * bytea is `\x` hex; everything else (json included) is the server's text.
 */
export function convertValue(text: string | null, typeOid: number): unknown {
  if (text === null) return null;
  switch (typeOid) {
    case 16:
      return text === 't' ? true : text === 'f' ? false : text;
    case 21:
    case 23:
    case 26:
    case 700:
    case 701:
      return toFiniteNumber(text);
    case 1114:
    case 1184:
      return toIsoTimestamp(text);
    case 17:
      return toHexBytea(text);
    default:
      return text;
  }
}

function toFiniteNumber(text: string): number | string {
  const value = Number(text);
  return Number.isFinite(value) ? value : text;
}

const ISO_STYLE = /^(\d{4,}-\d\d-\d\d) (\d\d:\d\d:\d\d(?:\.\d+)?)([+-]\d\d(?::\d\d){0,2})?$/;

/** `2024-01-02 03:04:05.678+00` (DateStyle ISO) → `2024-01-02T03:04:05.678+00:00`; other forms unchanged. */
export function toIsoTimestamp(text: string): string {
  const match = ISO_STYLE.exec(text);
  if (!match) return text;
  const [, date, time, offset] = match;
  if (!offset) return `${date}T${time}`;
  return `${date}T${time}${offset.length === 3 ? `${offset}:00` : offset}`;
}

/** bytea in `escape` output style (`bytea_output = escape`) → `\x` hex, so stored values look the same either way. */
export function toHexBytea(text: string): string {
  if (text.startsWith('\\x')) return text;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === '\\' && text[i + 1] === '\\') {
      bytes.push(0x5c);
      i++;
    } else if (char === '\\' && /^[0-7]{3}$/.test(text.slice(i + 1, i + 4))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(...Buffer.from(char, 'latin1'));
    }
  }
  return `\\x${Buffer.from(bytes).toString('hex')}`;
}
