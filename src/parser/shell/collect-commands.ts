import type { ShNode, ShWord } from 'mvdan-sh';
import { readCallInfo, type CallInfo } from './call-info.js';
import { parseArgs, hasOption } from './parse-args.js';
import { createSourceMap, type SourceMap } from './source-map.js';
import { getNodeType, parseShell, walkNodes } from './syntax.js';
import type { CommandUse } from './types.js';
import { getBaseName, unwrapCommand } from './unwrap-command.js';

const shells = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh']);
const maxNesting = 3;
const maxTextLength = 200;

/** Every simple command in the tree (used for scripts nested in strings). */
function collectCommands(root: ShNode, map: SourceMap, depth: number, outer: string[]): CommandUse[] {
  const found: CommandUse[] = [];
  walkNodes(
    root,
    (node) => {
      if (getNodeType(node) === 'CallExpr') found.push(...readCommands(readCallInfo(node), map, depth, outer));
    },
    () => undefined,
  );
  return found;
}

/**
 * The commands a simple command runs, wrappers peeled off. Scripts given as
 * strings (`bash -c '...'`, `eval '...'`, `watch 'a | b'`) are parsed and their
 * commands reported too, at approximate positions inside the string.
 */
export function readCommands(call: CallInfo, map: SourceMap, depth = 0, outer: string[] = []): CommandUse[] {
  const { words, texts } = call;
  if (words.length === 0) return [];
  const unwrapped = unwrapCommand(texts);
  const wrappers = [...outer, ...unwrapped.wrappers];
  if (unwrapped.scriptFrom !== undefined) {
    const script = texts.slice(unwrapped.scriptFrom, unwrapped.scriptTo);
    const nested = script.every((text) => text !== null) ? readScript(script.join(' '), words[unwrapped.scriptFrom], map, depth, wrappers) : null;
    if (nested !== null) return nested;
  }
  const name = texts[unwrapped.start];
  const nameWord = words[unwrapped.start];
  if (name === null || name === undefined || nameWord === undefined) return [];
  const args = texts.slice(unwrapped.start + 1);
  const point = map.locate(nameWord.Pos());
  const use: CommandUse = { name, args, wrappers, text: shorten(map.textOf(call.node)), line: point.line, column: point.column };
  const script = getScriptArgument(name, args);
  if (script === undefined) return [use];
  const nested = readScript(script.text, words[unwrapped.start + 1 + script.index], map, depth, [...wrappers, getBaseName(name)]);
  return [use, ...(nested ?? [])];
}

/** `bash -c 'script'` and `eval 'script'`: the script text and the index of its first word in args. */
function getScriptArgument(name: string, args: (string | null)[]): { text: string; index: number } | undefined {
  const base = getBaseName(name);
  if (base === 'eval') return args.length > 0 && args.every((arg) => arg !== null) ? { text: args.join(' '), index: 0 } : undefined;
  if (!shells.has(base)) return undefined;
  const parsed = parseArgs(args, { valueOptions: ['-o', '-O', '--rcfile', '--init-file'] });
  const first = parsed.positionals[0];
  if (!hasOption(parsed, ['-c']) || first === undefined || first.text === null) return undefined;
  return { text: first.text, index: first.index };
}

function readScript(text: string, anchor: ShWord | undefined, map: SourceMap, depth: number, wrappers: string[]): CommandUse[] | null {
  if (depth >= maxNesting || anchor === undefined) return null;
  const parsed = parseShell(text);
  if (parsed.file === undefined) return null;
  const at = map.locate(anchor.Pos());
  const first = anchor.Parts[0];
  const quoted = first !== undefined && /Quoted$/.test(getNodeType(first));
  const skip = quoted ? (first?.Dollar === true ? 2 : 1) : 0;
  const nestedMap = createSourceMap(text, { line: at.line, column: at.column + skip });
  return collectCommands(parsed.file, nestedMap, depth + 1, wrappers);
}

function shorten(text: string): string {
  const trimmed = text.trim();
  return trimmed.length <= maxTextLength ? trimmed : `${trimmed.slice(0, maxTextLength - 1)}…`;
}

/** Shells and remote shells that run a here-document fed to them as a script (`ssh host <<EOF`, `sudo -u postgres bash <<'EOF'`). */
const heredocShells = new Set([...shells, 'ssh', 'su', 'runuser']);

/**
 * The commands of a here-document fed to a shell (or `ssh host`) with no script
 * of its own: the body is a script that runs, so its commands count. Quoted or
 * not, the body is parsed as written.
 */
export function readHeredocCommands(use: CommandUse, stmt: ShNode | undefined, map: SourceMap): CommandUse[] {
  if (!stmt || !heredocShells.has(getBaseName(use.name))) return [];
  const found: CommandUse[] = [];
  for (const redirect of (stmt.Redirs as ShNode[] | undefined) ?? []) {
    const op = Number(redirect.Op);
    if ((op !== 61 && op !== 62) || !redirect.Hdoc) continue;
    const body = redirect.Hdoc as ShNode;
    const text = map.textOf(body);
    const parsed = parseShell(op === 62 ? text.replace(/^\t+/gm, '') : text);
    if (parsed.file === undefined) continue;
    const at = map.locate(body.Pos());
    found.push(...collectCommands(parsed.file, createSourceMap(text, { line: at.line, column: at.column }), 1, [...use.wrappers, getBaseName(use.name)]));
  }
  return found;
}
