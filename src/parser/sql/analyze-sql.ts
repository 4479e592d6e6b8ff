import type { DestructiveReason, LocatedError } from '../../model/safety.js';
import { findDestructive } from './find-destructive.js';
import { isReadonlyStatement } from './is-readonly-statement.js';
import { assertSqlParserLoaded } from './load-sql-parser.js';
import { parseChunk, type StatementSpan } from './parse-chunk.js';
import { maskPsqlSyntax, splitAtMetaCommands } from './prepare-parse-text.js';
import { readMetaCommand } from './read-meta-command.js';
import { scanPsql } from './scan-psql.js';
import { createLineIndex } from './text-positions.js';
import { createSpanTrimmer } from './trim-span.js';
import type { SqlAnalysis, SqlStatement } from './types.js';

const MAX_REASON_TEXT = 200;

function summarize(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= MAX_REASON_TEXT ? flat : `${flat.slice(0, MAX_REASON_TEXT - 1)}…`;
}

/**
 * Analyses the SQL of a cell with the real PostgreSQL parser: statements, psql
 * variables and meta-commands, destructive statements, and whether it only
 * reads. Never throws for bad SQL (see `error`); throws if `loadSqlParser()`
 * has not finished, which is a programming error.
 */
export function analyzeSql(source: string): SqlAnalysis {
  assertSqlParserLoaded();
  const scan = scanPsql(source);
  const locate = createLineIndex(source);
  const parseText = maskPsqlSyntax(source, scan);
  const trim = createSpanTrimmer(parseText, scan.comments);
  const spans: StatementSpan[] = [];
  let error: LocatedError | undefined;
  for (const chunk of splitAtMetaCommands(parseText, scan)) {
    const outcome = parseChunk(parseText, chunk, scan.semicolons);
    spans.push(...outcome.spans);
    if (outcome.error && !error) error = { message: outcome.error.message, ...locate(outcome.error.index) };
  }
  const statements: SqlStatement[] = [];
  const destructive: DestructiveReason[] = [];
  for (const span of spans) {
    const [start, end] = trim(span.start, span.end);
    if (start >= end) continue;
    const text = source.slice(start, end);
    const at = locate(start);
    const kind = span.tree ? (Object.keys(span.tree)[0] ?? null) : null;
    statements.push({ text, kind, start, end, ...at, readonly: span.tree !== null && isReadonlyStatement(span.tree) });
    for (const match of span.tree ? findDestructive(span.tree) : []) destructive.push({ ...match, text: summarize(text), ...at });
  }
  const analysis: SqlAnalysis = {
    statements,
    variables: scan.variables.map(({ name, quoting, start }) => ({ name, quoting, ...locate(start) })),
    metaCommands: scan.metaCommands.map(([start, end]) => readMetaCommand(source.slice(start, end), locate(start))),
    destructive,
    readonly: error === undefined && statements.every((statement) => statement.readonly),
  };
  if (error) analysis.error = error;
  return analysis;
}

/** The statements of `source`, split by the real parser, to be sent one at a time. Same as `analyzeSql(source).statements`. */
export function splitSqlStatements(source: string): SqlStatement[] {
  return analyzeSql(source).statements;
}
