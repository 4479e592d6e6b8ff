import { parse, TomlError } from 'smol-toml';
import type { ReadDocument, RelativePosition } from './read-document.js';

/**
 * Reads TOML front matter. smol-toml keeps no positions, so `locate` finds a key
 * path in the text as best it can: a `[table]` header naming the path, else a
 * `key =` (or dotted `key.sub =`) line inside the current table, else an
 * inline-table key on the line found so far. It falls back to the deepest
 * part found, or line 1.
 */
export function readToml(raw: string): ReadDocument {
  const lines = raw.split(/\r?\n/);
  const locate = (path: readonly PropertyKey[]): RelativePosition => locateTomlPath(lines, path);
  try {
    return { data: parse(raw), errors: [], warnings: [], locate };
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const message = (error.message.split('\n')[0] ?? '').replace(/^Invalid TOML document: /, '');
    return { data: undefined, errors: [{ message, line: error.line, column: error.column }], warnings: [], locate };
  }
}

function locateTomlPath(lines: readonly string[], path: readonly PropertyKey[]): RelativePosition {
  let found: RelativePosition = { line: 1, column: 1 };
  let from = 0;
  let to = findNextHeader(lines, 0);
  let keyLine = -1;
  for (let depth = 0; depth < path.length; depth += 1) {
    const segment = path[depth];
    if (typeof segment !== 'string') break;
    const header = lines.findIndex((line) => readHeader(line) === path.slice(0, depth + 1).join('.'));
    if (header >= 0) {
      found = { line: header + 1, column: (lines[header] as string).indexOf('[') + 1 };
      from = header + 1;
      to = findNextHeader(lines, from);
      keyLine = -1;
      continue;
    }
    const keyPattern = new RegExp(`(^\\s*|[{,.]\\s*)["']?${escapeRegex(segment)}["']?\\s*[=.]`);
    const candidates = keyLine >= 0 ? [keyLine] : range(from, to);
    const line = candidates.find((index) => keyPattern.test(lines[index] as string));
    if (line === undefined) continue;
    const match = keyPattern.exec(lines[line] as string) as RegExpExecArray;
    found = { line: line + 1, column: match.index + match[1]!.length + 1 };
    keyLine = line;
  }
  return found;
}

function readHeader(line: string): string | null {
  const match = /^\s*\[\s*([^[\]]+?)\s*\]\s*(?:#.*)?$/.exec(line);
  return match ? (match[1] as string).split('.').map((part) => part.trim().replace(/^["']|["']$/g, '')).join('.') : null;
}

function findNextHeader(lines: readonly string[], from: number): number {
  const index = lines.findIndex((line, i) => i >= from && /^\s*\[/.test(line));
  return index < 0 ? lines.length : index;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
