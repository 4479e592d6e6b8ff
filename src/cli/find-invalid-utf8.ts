/**
 * Byte offset where the first ill-formed UTF-8 sequence starts, or -1 when
 * `bytes` is valid UTF-8. Agrees with `new TextDecoder('utf-8', {fatal: true})`
 * (the WHATWG decoder), which throws without saying where.
 */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const sequence = describeLeadByte(lead);
    if (sequence === undefined) return index;
    for (let k = 1; k <= sequence.continuation; k++) {
      const byte = bytes[index + k];
      const [lower, upper] = k === 1 ? [sequence.lower, sequence.upper] : [0x80, 0xbf];
      if (byte === undefined || byte < lower || byte > upper) return index;
    }
    index += sequence.continuation + 1;
  }
  return -1;
}

/** How many continuation bytes follow `lead`, and the allowed range of the first (no overlongs, no surrogates, nothing past U+10FFFF). */
function describeLeadByte(lead: number): { continuation: number; lower: number; upper: number } | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return { continuation: 1, lower: 0x80, upper: 0xbf };
  if (lead >= 0xe0 && lead <= 0xef) return { continuation: 2, lower: lead === 0xe0 ? 0xa0 : 0x80, upper: lead === 0xed ? 0x9f : 0xbf };
  if (lead >= 0xf0 && lead <= 0xf4) return { continuation: 3, lower: lead === 0xf0 ? 0x90 : 0x80, upper: lead === 0xf4 ? 0x8f : 0xbf };
  return undefined;
}

/** 1-based line of byte `offset` (lines end at LF, so CRLF counts once). */
export function getLineAtOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < bytes.length; index++) if (bytes[index] === 0x0a) line += 1;
  return line;
}
