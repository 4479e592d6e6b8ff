import { quoteSqlIdentifier, quoteSqlLiteral } from './quote-sql.js';
import { scanPsql } from './scan-psql.js';
import type { BoundSql } from './types.js';

/**
 * Substitutes psql variables as psql does: `:name` by the raw value, `:'name'`
 * by a quoted literal, `:"name"` by a quoted identifier. References inside
 * strings, comments and dollar quotes are not variables and stay as they are;
 * so do references to names without a value, which are listed in `missing`.
 * Pure text work: it does not need the parser loaded.
 */
export function bindPsqlVariables(sql: string, values: Readonly<Record<string, string>>): BoundSql {
  const missing: string[] = [];
  let bound = '';
  let from = 0;
  for (const variable of scanPsql(sql).variables) {
    const value = Object.hasOwn(values, variable.name) ? values[variable.name] : undefined;
    if (value === undefined) {
      if (!missing.includes(variable.name)) missing.push(variable.name);
      continue;
    }
    const replacement =
      variable.quoting === 'literal' ? quoteSqlLiteral(value) : variable.quoting === 'identifier' ? quoteSqlIdentifier(value) : value;
    bound += sql.slice(from, variable.start) + replacement;
    from = variable.end;
  }
  return { sql: bound + sql.slice(from), missing };
}
