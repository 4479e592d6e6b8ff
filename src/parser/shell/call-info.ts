import type { ShNode, ShWord } from 'mvdan-sh';
import { getStaticText } from './word-text.js';

/**
 * A simple command's words, read once. Every access to a mvdan-sh node goes
 * through a slow JS bridge, so the collectors share this instead of re-reading.
 */
export interface CallInfo {
  node: ShNode;
  words: ShWord[];
  /** Static text of each word, null where it expands at run time. */
  texts: (string | null)[];
}

/** Reads a `CallExpr`. */
export function readCallInfo(node: ShNode): CallInfo {
  const words = (node.Args as ShWord[] | undefined) ?? [];
  return { node, words, texts: words.map((word) => getStaticText(word)) };
}
