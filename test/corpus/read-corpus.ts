import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { visit } from 'unist-util-visit';
import { parseMarkdown } from '../../src/parser/markdown/parse-markdown.js';
import { createSourceText, stripBom } from '../../src/parser/markdown/source-text.js';
import { readFence } from '../../src/parser/markdown/fences.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** The shared corpus of real public runbooks, beside the repository (never copied into it). */
export const corpusDir = join(root, '../shared/corpus');
export const seedsDir = join(root, '../shared/seeds');
export const labelsDir = join(root, 'fixtures/corpus/labels');
export const snapshotsDir = join(root, 'fixtures/corpus/snapshots');

/** Corpus files and seeds, as `{name, path}`; throws when the corpus is missing, so the run fails. */
export function listCorpus(): Array<{ name: string; path: string; seed: boolean }> {
  if (!existsSync(corpusDir)) throw new Error(`the corpus of real runbooks is missing: ${corpusDir} (it is ../shared/corpus beside the repository)`);
  const corpus = readdirSync(corpusDir).filter((name) => name.endsWith('.md')).sort();
  if (corpus.length === 0) throw new Error(`no runbooks in ${corpusDir}`);
  const seeds = existsSync(seedsDir) ? readdirSync(seedsDir).filter((name) => name.endsWith('.txt')).sort() : [];
  return [
    ...corpus.map((name) => ({ name: name.replace(/\.md$/, ''), path: join(corpusDir, name), seed: false })),
    ...seeds.map((name) => ({ name: `seed-${name.replace(/\.txt$/, '')}`, path: join(seedsDir, name), seed: true })),
  ];
}

/** The opening-fence line of every fenced block, as CommonMark sees the file. */
export function listFenceLines(text: string): number[] {
  const body = stripBom(text).replace(/\r\n?/g, '\n');
  const source = createSourceText(body);
  const lines: number[] = [];
  visit(parseMarkdown(body), 'code', (node) => {
    if (readFence(node, source).fenced) lines.push(node.position!.start.line);
  });
  return lines;
}

/** A corpus file's hand labels (fixtures/corpus/labels/README.md), or null. */
export interface BlockLabel {
  line: number;
  class: string;
  lang: string;
  placeholders: string[];
  destructive: Array<{ line: number; reason: string }>;
  blocking: Array<{ line: number; reason: string }>;
}

export function readLabels(name: string): BlockLabel[] | null {
  const file = join(labelsDir, `${name}.json`);
  if (!existsSync(file)) return null;
  return (JSON.parse(readFileSync(file, 'utf8')) as { blocks: BlockLabel[] }).blocks;
}
