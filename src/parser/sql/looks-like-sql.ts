import { scanSync, type ScanToken } from 'libpg-query';
import { analyzeSql } from './analyze-sql.js';
import { scanPsql } from './scan-psql.js';

const COMMENT_TOKENS = new Set(['SQL_COMMENT', 'C_COMMENT']);
const MIN_UNTERMINATED_TOKENS = 3;

function scanTokens(sql: string): ScanToken[] {
  try {
    return scanSync(sql).tokens.filter((token) => !COMMENT_TOKENS.has(token.tokenName));
  } catch {
    return [];
  }
}

/**
 * Whether an unlabeled block is SQL: it parses with the real parser, has a
 * statement, and starts with a keyword. Prose can parse too ("Show all",
 * "Checkpoint", "Listen up"), so a short text must also end a statement with
 * `;` or write its first keyword in upper case, as SQL is usually written.
 */
export function looksLikeSql(text: string): boolean {
  const analysis = analyzeSql(text);
  const first = analysis.statements[0];
  if (analysis.error || !first || analysis.statements.some((statement) => statement.kind === null)) return false;
  const tokens = scanTokens(first.text);
  const keyword = tokens[0];
  if (!keyword || keyword.keywordKind === 0) return false;
  if (scanPsql(text).semicolons.length > 0) return true;
  return tokens.length >= MIN_UNTERMINATED_TOKENS || (/[A-Z]/.test(keyword.text) && keyword.text === keyword.text.toUpperCase());
}
