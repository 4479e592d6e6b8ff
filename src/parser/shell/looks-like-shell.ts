import type { ShNode, ShStmt, ShWord } from 'mvdan-sh';
import { knownCommands } from './known-commands.js';
import { getNodeType, parseShell } from './syntax.js';
import { getStaticText } from './word-text.js';

const shebang = /^#!\s*\S*\/(env\s+)?(ba|z|da|k)?sh\b/;
const prompt = /^\s*\$ /;
const shellConstructs = new Set(['DeclClause', 'IfClause', 'ForClause', 'WhileClause', 'CaseClause', 'FuncDecl', 'TestClause', 'ArithmCmd', 'LetClause', 'CoprocClause']);

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

function looksLikeCommands(source: string): boolean {
  const parsed = parseShell(source);
  if (parsed.file === undefined) return false;
  return isMostlyCommands(parsed.file.Stmts);
}

function isMostlyCommands(stmts: readonly ShStmt[]): boolean {
  if (stmts.length === 0) return false;
  const verdicts = stmts.map((stmt) => isCommandLike(stmt));
  return verdicts[0] === true && verdicts.filter(Boolean).length / verdicts.length >= minimumCommandShare;
}

function isCommandLike(stmt: ShStmt | null | undefined): boolean {
  const command = stmt?.Cmd;
  if (command === null || command === undefined) return false;
  const type = getNodeType(command);
  if (shellConstructs.has(type)) return true;
  if (type === 'BinaryCmd') return isCommandLike(command.X as ShStmt);
  if (type === 'TimeClause') return command.Stmt === null || isCommandLike(command.Stmt as ShStmt);
  if (type === 'Block' || type === 'Subshell') return isMostlyCommands((command.Stmts as ShStmt[]) ?? []);
  if (type !== 'CallExpr') return false;
  const words = (command.Args as ShWord[] | undefined) ?? [];
  if (words.length === 0) return true; // assignments only
  const name = getStaticText(words[0] as ShNode);
  return isCommandName(name) || (toolName.test(name ?? '') && words.slice(1).some((word) => option.test(getStaticText(word as ShNode) ?? '')));
}

/** A tool that is not in the list, used the way tools are: `velero backup create x --from-schedule y`. */
const toolName = /^[a-z][a-z0-9_-]{1,30}$/;
const option = /^--?[a-zA-Z][\w-]*(?:=.*)?$/;

function isCommandName(name: string | null): boolean {
  if (name === null) return false;
  if (knownCommands.has(name)) return true;
  return /^(~|\.{1,2})?\/[\w.@/-]+$/.test(name) || /^[\w.-]+\.sh$/.test(name);
}
