import { readCallInfo } from './call-info.js';
import { readCommands, readHeredocCommands } from './collect-commands.js';
import { createVariableCollector } from './collect-variables.js';
import { detectDestructive } from './detect-destructive.js';
import { blockingRules } from './destructive-rules.js';
import { createSqlCollector } from './extract-sql.js';
import { findFreeReads } from './find-free-reads.js';
import { parseWithRecovery } from './parse-with-recovery.js';
import { createSourceMap } from './source-map.js';
import type { CommandUse, ShellAnalysis } from './types.js';
import { walkWithScopes } from './walk-scopes.js';
import { isFedAt, readStmtInput, type StmtInput } from './read-stdin.js';
import type { ShStmt } from 'mvdan-sh';
import { readRejectedLines } from './read-rejected-lines.js';

/**
 * Analyzes one shell cell with a real bash parser: variables read and set, functions,
 * commands, destructive commands and SQL passed to psql. Never throws: when the
 * source does not parse, `error` says where, and the lists cover the lines that do
 * (each line the parser rejects is read on its own, for its commands).
 */
export function analyzeShell(source: string): ShellAnalysis {
  const parsed = parseWithRecovery(source.replace(/\r\n?/g, '\n'));
  const analysis: ShellAnalysis = { reads: [], freeReads: [], sets: [], functions: [], commands: [], destructive: [], blocking: [], embeddedSql: [] };
  if (parsed.error) analysis.error = parsed.error;
  if (parsed.file === undefined) return analysis;

  const map = createSourceMap(parsed.source);
  const variables = createVariableCollector(map);
  const sql = createSqlCollector(map);
  const commands: CommandUse[] = [];
  // One walk feeds every collector: each step across mvdan-sh's JS bridge is slow.
  const inputs: Array<StmtInput | undefined> = [];
  walkWithScopes(parsed.file, (node, type, context) => {
    // Read once per statement; a command looks at its enclosing statements' entries.
    if (type === 'Stmt') inputs[context.frames.length] = readStmtInput(node as ShStmt, context.frames.at(-1), map);
    const call = type === 'CallExpr' ? readCallInfo(node) : undefined;
    if (call !== undefined) {
      const stmt = context.frames.at(-1);
      const own = stmt?.type === 'Stmt' ? inputs[context.frames.length - 1] : undefined;
      const fed = isFedAt(context.frames, inputs);
      const uses = readCommands(call, map).map((use, i) => (i === 0 ? { ...use, stdin: fed, ...(own?.file ? { stdinFile: own.file } : {}), ...(own?.heredoc ? { heredoc: own.heredoc } : {}) } : use));
      commands.push(...uses);
      if (uses[0] && own?.heredoc) commands.push(...readHeredocCommands(uses[0], stmt!.node, map));
    }
    variables.visit(node, type, context, call);
    sql.visit(node, type, context, call);
  });

  const { reads, sets, functions } = variables.facts;
  analysis.reads = sortByPosition(reads.map((read) => read.use));
  analysis.freeReads = sortByPosition(findFreeReads(reads, sets));
  analysis.sets = sortByPosition(sets.filter((set) => !set.local).map((set) => set.use));
  analysis.functions = functions;
  // Lines the parser rejected are read one at a time: they never switch the analysis off.
  if (parsed.skippedLines.length) commands.push(...readRejectedLines(source.replace(/\r\n?/g, '\n'), parsed.skippedLines));
  analysis.commands = commands;
  analysis.destructive = detectDestructive(commands);
  // `timeout 60 tail -f x` ends by itself: a command bounded by timeout does not block.
  analysis.blocking = detectDestructive(commands.filter((use) => !use.wrappers.includes('timeout')), blockingRules);
  analysis.embeddedSql = sql.found();
  return analysis;
}

/** Source order; the walk's differs in places (`cat <<EOF | grep $X` visits the here-document body first). */
function sortByPosition<T extends { line: number; column: number }>(items: T[]): T[] {
  return items.sort((a, b) => a.line - b.line || a.column - b.column);
}
