/** A JSON object of the parse tree. */
export type TreeObject = Record<string, unknown>;

export function isTreeObject(value: unknown): value is TreeObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{SelectStmt: {...}}` -> `['SelectStmt', {...}]`; `undefined` for anything that is not a node wrapper. */
export function unwrapNode(value: unknown): readonly [string, TreeObject] | undefined {
  if (!isTreeObject(value)) return undefined;
  const keys = Object.keys(value);
  const kind = keys[0];
  if (keys.length !== 1 || kind === undefined || !/^[A-Z]/.test(kind)) return undefined;
  const body = value[kind];
  return isTreeObject(body) ? [kind, body] : undefined;
}

/**
 * Whether a `DefElem` option list turns `name` on, as PostgreSQL's defGetBoolean
 * reads it: present without a value, or `true`/`on`/`1`.
 */
export function isOptionOn(options: unknown, name: string): boolean {
  if (!Array.isArray(options)) return false;
  for (const option of options) {
    const elem = unwrapNode(option);
    if (!elem || elem[0] !== 'DefElem' || elem[1].defname !== name) continue;
    const arg = unwrapNode(elem[1].arg);
    if (!arg) return true;
    const [kind, body] = arg;
    if (kind === 'String') return !['false', 'off', 'no', '0'].includes(String(body.sval).toLowerCase());
    if (kind === 'Integer') return typeof body.ival === 'number' && body.ival !== 0;
    if (kind === 'Boolean') return body.boolval === true;
    return true;
  }
  return false;
}

/** The unqualified, lower-case name of a `FuncCall` (`pg_catalog.pg_terminate_backend` -> `pg_terminate_backend`). */
export function getFunctionName(call: TreeObject): string {
  const parts = Array.isArray(call.funcname) ? call.funcname : [];
  const last = unwrapNode(parts[parts.length - 1]);
  return last && typeof last[1].sval === 'string' ? last[1].sval.toLowerCase() : '';
}

/**
 * Calls `visit` for every node of a statement that runs when it runs: the whole
 * tree except the query of an EXPLAIN without ANALYZE (which is only planned).
 */
export function visitExecutedNodes(tree: unknown, visit: (kind: string, body: TreeObject) => void): void {
  if (Array.isArray(tree)) {
    for (const item of tree) visitExecutedNodes(item, visit);
    return;
  }
  if (!isTreeObject(tree)) return;
  const node = unwrapNode(tree);
  if (!node) {
    for (const value of Object.values(tree)) visitExecutedNodes(value, visit);
    return;
  }
  const [kind, body] = node;
  visit(kind, body);
  for (const [key, value] of Object.entries(body)) {
    if (kind === 'ExplainStmt' && key === 'query' && !isOptionOn(body.options, 'analyze')) continue;
    visitExecutedNodes(value, visit);
  }
}
