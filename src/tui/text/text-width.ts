/**
 * Terminal column widths. A small stand-in for `string-width` (which is only
 * a dependency of Ink, not of litops): grapheme clusters, East Asian wide and
 * fullwidth characters and emoji count two columns, marks and invisible
 * characters none, everything else one. Ambiguous-width characters are narrow.
 */

const segmenter = new Intl.Segmenter();
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;
/** A character that takes up space: not a mark, format or control character, not a lone surrogate. */
const VISIBLE = /[^\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Mn}\p{Me}\p{Cs}]/u;
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;
const RGI_EMOJI = createRgiEmojiPattern();

/** East Asian Wide and Fullwidth blocks outside the emoji (start and end, inclusive). */
const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], [0x2329, 0x232a], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf],
  [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff],
  [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff], [0x1b000, 0x1b2ff], [0x1f200, 0x1f2ff], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

/** The columns a terminal gives `text` (which holds no control sequences). */
export function getTextWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let width = 0;
  for (const { segment } of segmenter.segment(text)) width += getClusterWidth(segment);
  return width;
}

/** `text` split into grapheme clusters, each with its width. */
export function splitClusters(text: string): Array<{ text: string; width: number }> {
  if (PRINTABLE_ASCII.test(text)) return Array.from(text, (char) => ({ text: char, width: 1 }));
  return Array.from(segmenter.segment(text), ({ segment }) => ({ text: segment, width: getClusterWidth(segment) }));
}

/** The longest start of `text` that fits in `width` columns, cut between grapheme clusters. */
export function cutToWidth(text: string, width: number): string {
  if (PRINTABLE_ASCII.test(text)) return text.slice(0, Math.max(0, width));
  let used = 0;
  let cut = '';
  for (const cluster of splitClusters(text)) {
    if (used + cluster.width > width) break;
    used += cluster.width;
    cut += cluster.text;
  }
  return cut;
}

function getClusterWidth(cluster: string): number {
  const first = VISIBLE.exec(cluster);
  if (!first) return 0;
  if (RGI_EMOJI.test(cluster) || EMOJI_PRESENTATION.test(first[0])) return 2;
  const code = first[0].codePointAt(0)!;
  return WIDE_RANGES.some(([start, end]) => code >= start && code <= end) ? 2 : 1;
}

/** `\p{RGI_Emoji}` needs the `v` flag (Node 20 has it); fall back to pictographs with the emoji variation selector. */
function createRgiEmojiPattern(): RegExp {
  try {
    return new RegExp('^\\p{RGI_Emoji}$', 'v');
  } catch {
    return /^\p{Extended_Pictographic}\uFE0F/u;
  }
}
