import type { ShNode, ShStmt, ShWord } from 'mvdan-sh';
import { knownCommands } from './known-commands.js';
import { getNodeType, parseShell } from './syntax.js';
import { parseWithRecovery } from './parse-with-recovery.js';
import { getStaticText } from './word-text.js';

const shebang = /^#!\s*\S*\/(env\s+)?(ba|z|da|k)?sh\b/;
const prompt = /^\s*\$ /;
const shellConstructs = new Set(['DeclClause', 'IfClause', 'ForClause', 'WhileClause', 'CaseClause', 'FuncDecl', 'TestClause', 'ArithmCmd', 'LetClause', 'CoprocClause']);

/** A tool that is not in the list of known commands, and an option word. */
const toolName = /^[a-z][a-z0-9_-]{1,30}$/;
const option = /^--?[a-zA-Z][\w-]*(?:=.*)?$/;

/** Share of top-level statements that must look like commands, the first one always. */
const minimumCommandShare = 0.75;

/**
 * Guesses whether an unlabeled block is shell: it must parse as bash, and either
 * start with a shell shebang, or use `$ ` prompts whose commands look like shell,
 * or its statements must start with known commands (`kubectl`, `psql`, `sudo`...),
 * paths (`./scripts/x.sh`), assignments or shell keywords. Prose, message templates,
 * YAML, JSON and SQL do not.
 */
export function looksLikeShell(text: string): boolean {
  const source = text.replace(/\r\n?/g, '\n');
  const lines = source.split('\n');
  const first = lines.find((line) => line.trim() !== '')?.trim();
  if (first === undefined) return false;
  if (shebang.test(first)) return parseShell(source).file !== undefined;
  if (prompt.test(first)) return looksLikeCommands(lines.filter((line) => prompt.test(line)).map((line) => line.replace(prompt, '')).join('\n'));
  return looksLikeCommands(source);
}

/** Most statements are commands; lines the parser rejects (at most a quarter) are set aside, not held against it. */
function looksLikeCommands(source: string): boolean {
  const parsed = parseWithRecovery(source);
  if (parsed.file === undefined) return false;
  const lines = source.split('\n').filter((line) => line.trim() !== '').length;
  if (parsed.skippedLines.length > Math.max(1, lines / 4)) return false;
  return isMostlyCommands(parsed.file.Stmts.filter((stmt) => !isStrayOption(stmt)));
}

/** `--token=x` on a line of its own: the continuation of the command above, whose `\` was forgotten. */
function isStrayOption(stmt: ShStmt): boolean {
  const command = stmt.Cmd;
  if (!command || getNodeType(command) !== 'CallExpr') return false;
  const first = ((command.Args as ShWord[] | undefined) ?? [])[0];
  return first !== undefined && /^--?[a-zA-Z]/.test(getStaticText(first as ShNode) ?? '');
}

function isMostlyCommands(stmts: readonly ShStmt[]): boolean {
  if (stmts.length === 0) return false;
  const tools = findToolNames(stmts);
  const verdicts = stmts.map((stmt) => isCommandLike(stmt, tools));
  return verdicts[0] === true && verdicts.filter(Boolean).length / verdicts.length >= minimumCommandShare;
}

/** Names the block uses the way tools are used (`velero backup create x --from-schedule y`): then `velero get` is one too. */
function findToolNames(stmts: readonly ShStmt[]): Set<string> {
  const tools = new Set<string>();
  for (const stmt of stmts) {
    const command = stmt.Cmd;
    if (!command || getNodeType(command) !== 'CallExpr') continue;
    const words = (command.Args as ShWord[] | undefined) ?? [];
    const name = words[0] ? getStaticText(words[0] as ShNode) : null;
    if (name && toolName.test(name) && words.slice(1).some((word) => option.test(getStaticText(word as ShNode) ?? ''))) tools.add(name);
  }
  return tools;
}

function isCommandLike(stmt: ShStmt | null | undefined, tools: ReadonlySet<string>): boolean {
  const command = stmt?.Cmd;
  if (command === null || command === undefined) return false;
  const type = getNodeType(command);
  if (shellConstructs.has(type)) return true;
  if (type === 'BinaryCmd') return isCommandLike(command.X as ShStmt, tools);
  if (type === 'TimeClause') return command.Stmt === null || isCommandLike(command.Stmt as ShStmt, tools);
  if (type === 'Block' || type === 'Subshell') return isMostlyCommands((command.Stmts as ShStmt[]) ?? []);
  if (type !== 'CallExpr') return false;
  const words = (command.Args as ShWord[] | undefined) ?? [];
  if (words.length === 0) return true; // assignments only
  const name = getStaticText(words[0] as ShNode);
  return isCommandName(name) || (name !== null && tools.has(name));
}

function isCommandName(name: string | null): boolean {
  if (name === null) return false;
  if (knownCommands.has(name)) return true;
  return /^(~|\.{1,2})?\/[\w.@/-]+$/.test(name) || /^[\w.-]+\.sh$/.test(name);
}
