import { getFunctionName, isOptionOn, isTreeObject, unwrapNode, type TreeObject } from './walk-sql-tree.js';

/** A rule that makes a SQL statement destructive: a node kind anywhere in its executed tree, and a condition. */
export interface SqlDestructiveRule {
  /** Stable id, reported as `DestructiveReason.rule`. */
  rule: string;
  /** Parse node name the rule inspects, e.g. `DropStmt`, `FuncCall`. */
  node: string;
  /** Further condition on the node's fields; every such node matches when absent. */
  when?: (body: TreeObject) => boolean;
  /** Shown to the operator. */
  reason: string | ((body: TreeObject) => string);
}

const TABLE_LIKE = new Set(['TABLE', 'FOREIGN TABLE', 'MATERIALIZED VIEW', 'SCHEMA']);

function describeDrop(body: TreeObject): string {
  const type = String(body.removeType ?? 'OBJECT_').replace(/^OBJECT_/, '');
  const word = type === 'MATVIEW' ? 'MATERIALIZED VIEW' : type.replace(/_/g, ' ');
  const data = TABLE_LIKE.has(word) ? ' and its data' : '';
  return `DROP ${word} permanently removes the ${word.toLowerCase()}${data}`;
}

/** WHERE is missing or always true (`WHERE true`, `WHERE 1 = 1`): every row is affected. */
export function hasNoEffectiveWhere(body: TreeObject): boolean {
  const where = unwrapNode(body.whereClause);
  if (!where) return body.whereClause === undefined;
  const [kind, expr] = where;
  if (kind === 'A_Const') return isTreeObject(expr.boolval) && expr.boolval.boolval === true;
  if (kind !== 'A_Expr' || expr.kind !== 'AEXPR_OP') return false;
  const operator = Array.isArray(expr.name) && expr.name.length === 1 ? unwrapNode(expr.name[0])?.[1].sval : undefined;
  const left = unwrapNode(expr.lexpr);
  const right = unwrapNode(expr.rexpr);
  if (operator !== '=' || left?.[0] !== 'A_Const' || right?.[0] !== 'A_Const') return false;
  const value = (constant: TreeObject): string => JSON.stringify({ ...constant, location: undefined });
  return value(left[1]) === value(right[1]);
}

const callsOneOf = (...names: string[]) => (body: TreeObject) => names.includes(getFunctionName(body));
const EXCLUSIVE = 'takes an exclusive lock that blocks';

/** Every SQL rule, in reporting order. One entry per (rule, node) pair; keep ids stable. */
export const SQL_DESTRUCTIVE_RULES: readonly SqlDestructiveRule[] = [
  { rule: 'sql-drop', node: 'DropStmt', reason: describeDrop },
  { rule: 'sql-drop', node: 'DropdbStmt', reason: 'DROP DATABASE permanently removes the database and all its data' },
  { rule: 'sql-drop', node: 'DropRoleStmt', reason: 'DROP ROLE removes the role, its logins and its privileges' },
  { rule: 'sql-drop', node: 'DropTableSpaceStmt', reason: 'DROP TABLESPACE permanently removes the tablespace' },
  { rule: 'sql-drop', node: 'DropSubscriptionStmt', reason: 'DROP SUBSCRIPTION stops the replication and drops its slot on the publisher' },
  { rule: 'sql-drop', node: 'DropOwnedStmt', reason: 'DROP OWNED drops every object the role owns in this database' },
  { rule: 'sql-drop', node: 'DropUserMappingStmt', reason: 'DROP USER MAPPING removes the stored credentials for a foreign server' },
  { rule: 'sql-truncate', node: 'TruncateStmt', reason: 'TRUNCATE deletes every row of the table' },
  { rule: 'sql-delete-without-where', node: 'DeleteStmt', when: hasNoEffectiveWhere, reason: 'DELETE without a restricting WHERE deletes every row of the table' },
  { rule: 'sql-update-without-where', node: 'UpdateStmt', when: hasNoEffectiveWhere, reason: 'UPDATE without a restricting WHERE changes every row of the table' },
  { rule: 'sql-vacuum-full', node: 'VacuumStmt', when: (body) => isOptionOn(body.options, 'full'), reason: `VACUUM FULL rewrites the table and ${EXCLUSIVE} reads and writes until it finishes` },
  { rule: 'sql-alter-system', node: 'AlterSystemStmt', reason: 'ALTER SYSTEM changes the server configuration for every session' },
  { rule: 'sql-alter-table-drop', node: 'AlterTableCmd', when: (body) => body.subtype === 'AT_DropColumn', reason: 'ALTER TABLE ... DROP COLUMN permanently removes the column and its data' },
  { rule: 'sql-alter-table-drop', node: 'AlterTableCmd', when: (body) => body.subtype === 'AT_DropConstraint', reason: 'ALTER TABLE ... DROP CONSTRAINT removes the constraint and what it guaranteed' },
  { rule: 'sql-terminate-backend', node: 'FuncCall', when: callsOneOf('pg_terminate_backend'), reason: 'pg_terminate_backend() kills sessions and rolls back their open transactions' },
  { rule: 'sql-drop-replication-slot', node: 'FuncCall', when: callsOneOf('pg_drop_replication_slot'), reason: 'pg_drop_replication_slot() drops a replication slot; its consumer loses its position' },
  { rule: 'sql-promote', node: 'FuncCall', when: callsOneOf('pg_promote'), reason: 'pg_promote() turns a standby into a primary; this cannot be undone' },
  { rule: 'sql-restart-workers', node: 'FuncCall', when: callsOneOf('restart_background_workers', 'stop_background_workers'), reason: 'restart_background_workers() restarts the background worker processes' },
  { rule: 'sql-revoke', node: 'GrantStmt', when: (body) => body.is_grant !== true, reason: 'REVOKE takes privileges away' },
  { rule: 'sql-reassign-owned', node: 'ReassignOwnedStmt', reason: 'REASSIGN OWNED gives every object of a role to another' },
  { rule: 'sql-alter-owner', node: 'AlterOwnerStmt', reason: 'ALTER … OWNER TO changes who owns the object' },
  { rule: 'sql-alter-owner', node: 'AlterTableCmd', when: (body) => body.subtype === 'AT_ChangeOwner', reason: 'ALTER TABLE … OWNER TO changes who owns the table' },
  { rule: 'sql-rename', node: 'RenameStmt', reason: 'ALTER … RENAME moves the object out from under its users' },
  { rule: 'sql-delete-large-object', node: 'FuncCall', when: callsOneOf('lo_unlink'), reason: 'lo_unlink() permanently deletes a large object' },
  { rule: 'sql-copy-program', node: 'CopyStmt', when: (body) => body.is_program === true, reason: 'COPY ... PROGRAM runs a shell command on the database server' },
  { rule: 'sql-reindex-locking', node: 'ReindexStmt', when: (body) => !isOptionOn(body.params, 'concurrently'), reason: `REINDEX without CONCURRENTLY ${EXCLUSIVE} writes to the table (and reads that use the index) until it finishes` },
  { rule: 'sql-cluster', node: 'ClusterStmt', reason: `CLUSTER rewrites the table and ${EXCLUSIVE} reads and writes until it finishes` },
  { rule: 'sql-refresh-locking', node: 'RefreshMatViewStmt', when: (body) => body.concurrent !== true, reason: `REFRESH MATERIALIZED VIEW without CONCURRENTLY ${EXCLUSIVE} reads of the view until it finishes` },
];
