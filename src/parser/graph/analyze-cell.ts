import type { Diagnostic } from '../../model/diagnostic.js';
import type { DestructiveReason } from '../../model/safety.js';
import { analyzeShell } from '../shell/index.js';
import { findClientStatements } from './client-statements.js';
import { analyzeSql, findDialectDestructive } from '../sql/index.js';
import type { CellDraft } from '../cells/build-cell.js';

/** A variable read, as the variables pass needs it. */
export interface VariableRead {
  name: string;
  hasDefault: boolean;
  line: number;
  source: 'shell' | 'sql';
}

/** What the syntax trees of a cell say: safety, variables read and set. */
export interface CellFacts {
  reasons: DestructiveReason[];
  /** Commands that never end by themselves or wait for a person. */
  blocking: DestructiveReason[];
  /** Aliases the cell defines (`alias vrd='vault server -dev'`), with what their bodies would do. */
  aliases?: Map<string, { destructive: DestructiveReason[]; blocking: DestructiveReason[] }>;
  /** The commands the cell runs by name, at file positions (to find calls of aliases defined elsewhere). */
  calls?: Array<{ name: string; line: number; column: number; text: string }>;
  reads: VariableRead[];
  sets: string[];
}

const EMPTY: CellFacts = { reasons: [], blocking: [], reads: [], sets: [] };

/**
 * Analyses a cell with the real shell or PostgreSQL parser (including SQL passed
 * to `psql -c`), moving positions from cell-relative to file lines.
 */
export function analyzeCell(draft: CellDraft, diagnostics: Diagnostic[]): CellFacts {
  if (!draft.executable && draft.guess === null && draft.dialect !== null) return analyzeDialectCell(draft);
  const lang = draft.executable ? draft.lang : draft.guess;
  if (lang === 'shell') return analyzeShellCell(draft, diagnostics);
  if (lang === 'sql') return analyzeSqlCell(draft, diagnostics);
  return EMPTY;
}

/** Cell-relative positions to file positions; prompts and output lines removed from a block are skipped over. */
function toFile(draft: CellDraft, line: number, column: number): { line: number; column: number } {
  const fileLine = draft.fileLines[line - 1] ?? draft.sourceLine + line - 1;
  return { line: fileLine, column: column + draft.column - 1 };
}

function analyzeShellCell(draft: CellDraft, diagnostics: Diagnostic[]): CellFacts {
  const analysis = analyzeShell(draft.source);
  if (analysis.error && draft.executable) {
    const at = toFile(draft, analysis.error.line, analysis.error.column);
    diagnostics.push({ severity: 'warning', rule: 'shell-syntax', message: `shell syntax error: ${analysis.error.message}; the lines that do not parse were checked for destructive and blocking commands one by one`, ...at });
  }
  const reasons = [...analysis.destructive, ...findClientStatements(analysis.commands)].map((reason) => ({ ...reason, ...toFile(draft, reason.line, reason.column) }));
  for (const embedded of analysis.embeddedSql) {
    const sql = analyzeSql(embedded.sql);
    for (const reason of sql.destructive) {
      const line = embedded.line + reason.line - 1;
      reasons.push({ ...reason, reason: `${reason.reason} (in psql ${embedded.via})`, ...toFile(draft, line, reason.line === 1 ? embedded.column : reason.column) });
    }
  }
  return {
    reasons,
    aliases: readAliases(analysis.commands),
    calls: analysis.commands.map((use) => ({ name: use.name, text: use.text, ...toFile(draft, use.line, use.column) })),
    blocking: analysis.blocking.map((reason) => ({ ...reason, ...toFile(draft, reason.line, reason.column) })),
    reads: analysis.freeReads.map((read) => ({ name: read.name, hasDefault: read.hasDefault, line: toFile(draft, read.line, read.column).line, source: 'shell' as const })),
    sets: analysis.sets.filter((set) => set.scope === 'cell').map((set) => set.name),
  };
}

function analyzeSqlCell(draft: CellDraft, diagnostics: Diagnostic[]): CellFacts {
  const analysis = analyzeSql(draft.source);
  if (analysis.error && draft.executable) {
    const at = toFile(draft, analysis.error.line, analysis.error.column);
    diagnostics.push({ severity: 'warning', rule: 'sql-syntax', message: `SQL syntax error: ${analysis.error.message}`, ...at });
  }
  for (const meta of analysis.metaCommands) {
    if (!draft.executable) break;
    diagnostics.push({ severity: 'warning', rule: 'psql-meta-command', message: `psql meta-command "${meta.text}" is not SQL and is not run`, ...toFile(draft, meta.line, 1) });
  }
  return {
    reasons: analysis.destructive.map((reason) => ({ ...reason, ...toFile(draft, reason.line, reason.column) })),
    blocking: [],
    reads: analysis.variables.map((variable) => ({ name: variable.name, hasDefault: false, line: toFile(draft, variable.line, variable.column).line, source: 'sql' as const })),
    sets: [],
  };
}

/** SQL of another dialect, or a client's transcript: never run, but its destructive statements are marked. */
function analyzeDialectCell(draft: CellDraft): CellFacts {
  const reasons = findDialectDestructive(draft.source).map((reason) => ({ ...reason, reason: `${reason.reason} (${draft.dialect})`, ...toFile(draft, reason.line, reason.column) }));
  return { ...EMPTY, reasons };
}

/** `alias name='body'`: what the body would do when the alias is called. */
function readAliases(commands: ReturnType<typeof analyzeShell>['commands']): CellFacts['aliases'] {
  const aliases: NonNullable<CellFacts['aliases']> = new Map();
  for (const command of commands.filter((use) => use.name === 'alias')) {
    for (const arg of command.args) {
      const match = arg === null ? null : /^([\w.-]+)=(.+)$/s.exec(arg);
      if (!match) continue;
      const body = analyzeShell(match[2]!);
      if (body.destructive.length || body.blocking.length) aliases.set(match[1]!, { destructive: body.destructive, blocking: body.blocking });
    }
  }
  return aliases.size ? aliases : undefined;
}
