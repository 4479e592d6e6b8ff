import { getFunctionName, unwrapNode, visitExecutedNodes } from './walk-sql-tree.js';

/** Statement kinds that may be read-only; everything else writes, locks, or changes state. */
const READ_KINDS = new Set(['SelectStmt', 'VariableShowStmt', 'ExplainStmt']);

/** Nodes that modify data wherever they appear (data-modifying CTEs, EXPLAIN ANALYZE of a write). */
const WRITE_KINDS = new Set(['InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt']);

/**
 * Built-in functions with side effects (or that a read-only transaction rejects).
 * User-defined functions are not known here: if one writes, a read-only
 * transaction makes it fail, which is safe.
 */
export const SIDE_EFFECT_FUNCTIONS: ReadonlySet<string> = new Set([
  'pg_terminate_backend', 'pg_cancel_backend', 'pg_reload_conf', 'set_config', 'nextval', 'setval',
  'pg_advisory_lock', 'pg_advisory_lock_shared', 'pg_advisory_xact_lock', 'pg_advisory_xact_lock_shared',
  'pg_try_advisory_lock', 'pg_try_advisory_lock_shared', 'pg_try_advisory_xact_lock', 'pg_try_advisory_xact_lock_shared',
  'pg_advisory_unlock', 'pg_advisory_unlock_shared', 'pg_advisory_unlock_all',
  'pg_switch_wal', 'pg_create_restore_point', 'pg_promote', 'pg_rotate_logfile', 'pg_log_backend_memory_contexts',
  'pg_wal_replay_pause', 'pg_wal_replay_resume', 'pg_backup_start', 'pg_backup_stop', 'pg_start_backup', 'pg_stop_backup',
  'pg_create_physical_replication_slot', 'pg_create_logical_replication_slot', 'pg_drop_replication_slot',
  'pg_copy_physical_replication_slot', 'pg_copy_logical_replication_slot', 'pg_replication_slot_advance',
  'pg_replication_origin_create', 'pg_replication_origin_drop', 'pg_logical_emit_message',
  'pg_stat_reset', 'pg_stat_reset_shared', 'pg_stat_reset_single_table_counters', 'pg_stat_reset_single_function_counters',
  'pg_stat_reset_slru', 'pg_stat_reset_replication_slot', 'pg_stat_statements_reset',
  'pg_notify', 'txid_current', 'pg_current_xact_id', 'pg_import_system_collations',
  'lo_create', 'lo_creat', 'lo_import', 'lo_export', 'lo_unlink', 'lo_put', 'lo_from_bytea', 'lo_truncate',
  'pg_file_write', 'pg_file_rename', 'pg_file_unlink', 'dblink_exec', 'dblink',
]);

/** Whether a statement only reads, so it could run in a read-only transaction without changing anything. */
export function isReadonlyStatement(tree: unknown): boolean {
  const kind = unwrapNode(tree)?.[0];
  if (kind === undefined || !READ_KINDS.has(kind)) return false;
  let readonly = true;
  visitExecutedNodes(tree, (node, body) => {
    if (WRITE_KINDS.has(node)) readonly = false;
    else if (node === 'SelectStmt' && (body.intoClause !== undefined || body.lockingClause !== undefined)) readonly = false;
    else if (node === 'FuncCall' && SIDE_EFFECT_FUNCTIONS.has(getFunctionName(body))) readonly = false;
    else if (node !== 'SelectStmt' && node !== 'ExplainStmt' && node !== 'VariableShowStmt' && node.endsWith('Stmt')) readonly = false;
  });
  return readonly;
}
