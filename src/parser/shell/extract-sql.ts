import type { ShNode, ShStmt, ShWord } from 'mvdan-sh';
import { readCallInfo, type CallInfo } from './call-info.js';
import { findPsql } from './psql-command.js';
import type { SourceMap } from './source-map.js';
import { Op, getNodeType } from './syntax.js';
import type { EmbeddedSql, SqlVia } from './types.js';
import { unwrapCommand } from './unwrap-command.js';
import type { WalkContext } from './walk-scopes.js';
import { locateRenderedOffset, renderWord, type RenderedWord } from './word-text.js';

/** Gathers the SQL handed to psql while the tree is walked. */
export interface SqlCollector {
  /** Call for every node of a `walkWithScopes` walk; `call` is the node's `CallInfo` for a `CallExpr`. */
  visit(node: ShNode, type: string, context: WalkContext, call?: CallInfo): void;
  /** What was found, in source order. */
  found(): EmbeddedSql[];
}

/**
 * Collects SQL handed to psql: `-c "..."` / `--command=...`, `psql <<EOF`
 * here-documents, `psql <<< "..."`, and `echo "..." | psql` (also `printf`, `cat <<EOF`).
 */
export function createSqlCollector(map: SourceMap): SqlCollector {
  const found: EmbeddedSql[] = [];
  const add: Add = (rendered, skip, via) => {
    const sql = toEmbeddedSql(rendered, skip, via, map);
    if (sql !== undefined) found.push(sql);
  };
  return {
    visit(node, type, context, call) {
      if (type === 'CallExpr' && call !== undefined) readPsqlCall(call, context.frames.at(-1)?.node as ShStmt | undefined, map, add);
      else if (type === 'BinaryCmd' && (node.Op === Op.pipe || node.Op === Op.pipeAll)) readPipe(node, map, add);
    },
    found: () => found.sort((a, b) => a.line - b.line || a.column - b.column),
  };
}

type Add = (rendered: RenderedWord, skip: number, via: SqlVia) => void;

function readPsqlCall(call: CallInfo, stmt: ShStmt | undefined, map: SourceMap, add: Add): void {
  const psql = findPsql(call.words, call.texts, map);
  if (psql === undefined) return;
  for (const { word, skip } of psql.commands) add(renderWord(word, map), skip, 'option');
  for (const redirect of stmt?.Redirs ?? []) readHeredoc(redirect, map, add, undefined);
}

function readHeredoc(redirect: ShNode, map: SourceMap, add: Add, via: SqlVia | undefined): void {
  const op = Number(redirect.Op);
  if (op === Op.wordHdoc && redirect.Word) add(renderWord(redirect.Word as ShWord, map), 0, via ?? 'herestring');
  if ((op !== Op.hdoc && op !== Op.dashHdoc) || !redirect.Hdoc) return;
  const delimiter = (redirect.Word as ShWord | null)?.Parts ?? [];
  const quoted = delimiter.some((part) => getNodeType(part) !== 'Lit' || String(part.Value).includes('\\'));
  const rendered = renderWord(redirect.Hdoc as ShWord, map, quoted ? 'raw' : 'heredoc');
  if (op === Op.dashHdoc) rendered.text = rendered.text.replace(/^\t+/gm, '');
  add(rendered, 0, via ?? 'heredoc');
}

/** `echo "SQL" | psql`: the rightmost command before the pipe feeds the leftmost after it. */
function readPipe(pipe: ShNode, map: SourceMap, add: Add): void {
  const source = getEdgeStmt(pipe.X as ShStmt, 'Y');
  const target = getEdgeStmt(pipe.Y as ShStmt, 'X');
  const targetCall = target.Cmd && getNodeType(target.Cmd) === 'CallExpr' ? readCallInfo(target.Cmd) : undefined;
  const psql = targetCall && findPsql(targetCall.words, targetCall.texts, map);
  if (psql === undefined || psql.commands.length > 0 || psql.readsFile) return;
  const { words, texts } = source.Cmd && getNodeType(source.Cmd) === 'CallExpr' ? readCallInfo(source.Cmd) : { words: [], texts: [] };
  const { start } = unwrapCommand(texts);
  const name = texts[start];
  if (name === 'cat') for (const redirect of source.Redirs) readHeredoc(redirect, map, add, 'pipe');
  if (name !== 'echo' && name !== 'printf') return;
  let first = start + 1;
  while (first < words.length && /^-[neE]+$/.test(texts[first] ?? '') && name === 'echo') first++;
  const parts = name === 'printf' ? words.slice(first, first + 1) : words.slice(first);
  if (parts.length === 0) return;
  const rendered = parts.map((word) => renderWord(word, map));
  const joined: RenderedWord = { text: rendered.map((item) => item.text).join(' '), dynamic: rendered.some((item) => item.dynamic), pieces: rendered[0]?.pieces ?? [] };
  add(joined, 0, 'pipe');
}

function getEdgeStmt(stmt: ShStmt, side: 'X' | 'Y'): ShStmt {
  let current = stmt;
  while (current.Cmd && getNodeType(current.Cmd) === 'BinaryCmd' && (current.Cmd.Op === Op.pipe || current.Cmd.Op === Op.pipeAll)) {
    current = current.Cmd[side] as ShStmt;
  }
  return current;
}

function toEmbeddedSql(rendered: RenderedWord, skip: number, via: SqlVia, map: SourceMap): EmbeddedSql | undefined {
  const text = rendered.text.slice(skip);
  const sql = text.trim();
  if (sql === '') return undefined;
  let index = locateRenderedOffset(rendered, skip);
  // Leading blank space is never escaped, so skip the same run in the source.
  while (index >= 0 && /\s|\\/.test(map.source[index] ?? '') && index < map.source.length) {
    if (map.source[index] === '\\' && map.source[index + 1] !== '\n') break;
    index += map.source[index] === '\\' ? 2 : 1;
  }
  const point = map.pointAt(Math.max(index, 0));
  const dynamic = rendered.dynamic && /[$`]/.test(sql);
  return { sql, line: point.line, column: point.column, via, dynamic };
}
