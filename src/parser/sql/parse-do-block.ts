import { parsePlPgSQLSync, parseSync } from 'libpg-query';
import { isTreeObject, unwrapNode, type TreeObject } from './walk-sql-tree.js';

interface EmbeddedQuery {
  query: string;
  parseMode: number;
  dynamic: boolean;
}

/** Text of a `DefElem` option of a DO statement (`as` holds the code, `language` its language). */
function readOption(body: TreeObject, name: string): string | undefined {
  const args = Array.isArray(body.args) ? body.args : [];
  for (const arg of args) {
    const elem = unwrapNode(arg)?.[1];
    const value = unwrapNode(elem?.arg)?.[1].sval;
    if (elem?.defname === name && typeof value === 'string') return value;
  }
  return undefined;
}

function collectQueries(value: unknown, dynamic: boolean, out: EmbeddedQuery[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectQueries(item, dynamic, out);
  } else if (isTreeObject(value)) {
    const expr = value.PLpgSQL_expr;
    if (isTreeObject(expr) && typeof expr.query === 'string') {
      out.push({ query: expr.query, parseMode: Number(expr.parseMode ?? 0), dynamic });
    }
    for (const [key, item] of Object.entries(value)) collectQueries(item, dynamic || key === 'PLpgSQL_stmt_dynexecute', out);
  }
}

/** Statement trees of `sql`, or none when it does not parse (the server will say so when the block runs). */
function parseTrees(sql: string): unknown[] {
  try {
    return (parseSync(sql).stmts ?? []).map((raw) => raw.stmt);
  } catch {
    return [];
  }
}

/** An `EXECUTE 'constant SQL'` in a block: the constant is SQL too. */
function readConstantString(tree: unknown): string | undefined {
  const select = unwrapNode(tree)?.[1];
  const targets = Array.isArray(select?.targetList) ? select.targetList : [];
  const value = unwrapNode(unwrapNode(targets[0])?.[1].val);
  const sval = value?.[0] === 'A_Const' && isTreeObject(value[1].sval) ? value[1].sval.sval : undefined;
  return targets.length === 1 && typeof sval === 'string' ? sval : undefined;
}

/**
 * The statement trees that a PL/pgSQL `DO` block runs, from the real PL/pgSQL
 * parser: its SQL statements, the queries inside its expressions and
 * assignments, and `EXECUTE` of constant strings. Dynamic SQL built at run time
 * cannot be seen. Other languages yield nothing.
 */
export function parseDoBlock(body: TreeObject): unknown[] {
  const code = readOption(body, 'as');
  const language = readOption(body, 'language') ?? 'plpgsql';
  if (code === undefined || language.toLowerCase() !== 'plpgsql') return [];
  let tag = '$litops$';
  for (let n = 0; code.includes(tag); n++) tag = `$litops${n}$`;
  let parsed: unknown;
  try {
    parsed = parsePlPgSQLSync(`CREATE FUNCTION litops_do_block() RETURNS void LANGUAGE plpgsql AS ${tag}${code}${tag}`);
  } catch {
    return [];
  }
  const queries: EmbeddedQuery[] = [];
  collectQueries(parsed, false, queries);
  const trees: unknown[] = [];
  for (const { query, parseMode, dynamic } of queries) {
    // Mode 0 is a whole statement; 2 an expression; 3-5 an assignment `target := expression`.
    const sql = parseMode === 0 ? query : `SELECT ${parseMode >= 3 ? query.replace(/^[^:=]*:?=/, '') : query}`;
    const found = parseTrees(sql);
    trees.push(...found);
    const constant = dynamic ? readConstantString(found[0]) : undefined;
    if (constant !== undefined) trees.push(...parseTrees(constant));
  }
  return trees;
}
