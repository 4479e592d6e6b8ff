import type { ShWord } from 'mvdan-sh';
import type { SourceMap } from './source-map.js';
import { getBaseName, unwrapCommand } from './unwrap-command.js';
import { renderWord } from './word-text.js';

/** A `psql` invocation inside a simple command. */
export interface PsqlCommand {
  /** `-c` / `--command` values: the word and how many rendered characters precede the SQL in it. */
  commands: { word: ShWord; skip: number }[];
  /** True when psql reads a file (`-f`) rather than stdin. */
  readsFile: boolean;
}

const shortValueOptions = new Set('cdfhpUvoLPTFR'.split(''));
const longValueOptions = new Set(['--dbname', '--host', '--port', '--username', '--file', '--set', '--variable', '--output', '--log-file', '--pset', '--table-attr', '--field-separator', '--record-separator']);
const containerRunners = new Set(['docker', 'podman', 'kubectl', 'oc']);

/** Finds psql in a command's words (also behind sudo/env/timeout and `docker|kubectl exec ... psql`). */
export function findPsql(words: readonly ShWord[], texts: readonly (string | null)[], map: SourceMap): PsqlCommand | undefined {
  const start = locatePsql(texts);
  if (start === undefined) return undefined;
  const found: PsqlCommand = { commands: [], readsFile: false };
  for (let index = start + 1; index < words.length; index++) {
    const word = words[index];
    if (word === undefined) break;
    const text = texts[index] ?? renderWord(word, map).text;
    if (text === '--command' || text === '-c') {
      const next = words[++index];
      if (next !== undefined) found.commands.push({ word: next, skip: 0 });
    } else if (text.startsWith('--command=')) {
      found.commands.push({ word, skip: '--command='.length });
    } else if (text.startsWith('--file') || text === '-f') {
      found.readsFile = true;
      if (text === '--file' || text === '-f') index++;
    } else if (text.startsWith('--')) {
      if (longValueOptions.has(text)) index++;
    } else if (text.startsWith('-') && text.length > 1) {
      index = readShortOptions(text, word, words, index, found);
    }
  }
  return found;
}

/** `-Xc SQL`, `-cSQL`, `-U user`: records SQL, returns the index of the last word consumed. */
function readShortOptions(text: string, word: ShWord, words: readonly ShWord[], index: number, found: PsqlCommand): number {
  for (let at = 1; at < text.length; at++) {
    const letter = text[at] ?? '';
    if (!shortValueOptions.has(letter)) continue;
    const attached = at + 1 < text.length;
    if (letter === 'f') found.readsFile = true;
    if (letter === 'c') {
      const next = words[index + 1];
      if (attached) found.commands.push({ word, skip: at + 1 });
      else if (next !== undefined) found.commands.push({ word: next, skip: 0 });
    }
    return attached ? index : index + 1;
  }
  return index;
}

function locatePsql(texts: readonly (string | null)[]): number | undefined {
  const { start } = unwrapCommand(texts);
  const name = texts[start];
  if (name === null || name === undefined) return undefined;
  const base = getBaseName(name);
  if (base === 'psql') return start;
  if (!containerRunners.has(base) || !texts.includes('exec')) return undefined;
  const inner = texts.findIndex((text, index) => index > start && text !== null && getBaseName(text) === 'psql');
  return inner > 0 ? inner : undefined;
}
