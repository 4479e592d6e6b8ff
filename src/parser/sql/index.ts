export { loadSqlParser, isSqlParserLoaded } from './load-sql-parser.js';
export { analyzeSql, splitSqlStatements } from './analyze-sql.js';
export { bindPsqlVariables } from './bind-psql-variables.js';
export { looksLikeSql } from './looks-like-sql.js';
export { quoteSqlIdentifier, quoteSqlLiteral } from './quote-sql.js';
export { SQL_DESTRUCTIVE_RULES, type SqlDestructiveRule } from './destructive-rules.js';
export type { BoundSql, PsqlMetaCommand, PsqlQuoting, PsqlVariable, SqlAnalysis, SqlStatement } from './types.js';
export { DIALECT_DESTRUCTIVE_RULES, findDialectDestructive, type DialectRule } from './dialect-rules.js';
