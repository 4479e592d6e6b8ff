/**
 * Destructive statements of other systems' query languages (MySQL, ClickHouse,
 * Vitess, the MongoDB shell), as data: litops never runs them, but it marks
 * them where they are shown, and in `mysql -e` / `clickhouse-client -q` / `mongo --eval`.
 * Patterns are matched per statement, case-insensitively.
 */
export interface DialectRule {
  rule: string;
  pattern: RegExp;
  reason: string;
}

export const DIALECT_DESTRUCTIVE_RULES: readonly DialectRule[] = [
  { rule: 'sql-drop', pattern: /^\s*DROP\s+(?:TEMPORARY\s+)?(TABLE|DATABASE|SCHEMA|USER|ROLE|INDEX|VIEW|DICTIONARY|TRIGGER|PROCEDURE|FUNCTION|EVENT)\b/i, reason: 'DROP {1} permanently removes it' },
  { rule: 'sql-truncate', pattern: /^\s*TRUNCATE\b/i, reason: 'TRUNCATE deletes every row of the table' },
  { rule: 'sql-delete-without-where', pattern: /^\s*DELETE\s+FROM\b(?![^;]*\bWHERE\b)/i, reason: 'DELETE without WHERE deletes every row of the table' },
  { rule: 'sql-update-without-where', pattern: /^\s*UPDATE\s+(?![^;]*\bWHERE\b)[^;]*\bSET\b/i, reason: 'UPDATE without WHERE changes every row of the table' },
  { rule: 'sql-alter-table-drop', pattern: /^\s*ALTER\s+TABLE\s+[^;]*\b(?:DROP|RENAME|DETACH|DELETE)\b/i, reason: 'ALTER TABLE … DROP/RENAME/DETACH removes or moves data' },
  { rule: 'sql-rename', pattern: /^\s*RENAME\s+(TABLE|DATABASE|USER)\b/i, reason: 'RENAME {1} moves it out from under its users' },
  { rule: 'sql-detach', pattern: /^\s*DETACH\s+(TABLE|PARTITION|DATABASE|DICTIONARY|VIEW)\b/i, reason: 'DETACH {1} takes it offline' },
  { rule: 'sql-revoke', pattern: /^\s*REVOKE\b/i, reason: 'REVOKE takes privileges away' },
  { rule: 'sql-kill', pattern: /^\s*KILL\b|\bmysql\.rds_kill\w*|\bCALL\s+mysql\.rds_(?:kill|stop|skip)\w*/i, reason: 'KILL ends sessions or queries' },
  { rule: 'sql-system-drop', pattern: /^\s*SYSTEM\s+(DROP|RESTART|STOP|SHUTDOWN|KILL)\b/i, reason: 'SYSTEM {1} drops replicas, caches or stops server parts' },
  { rule: 'sql-reset', pattern: /^\s*(RESET\s+(?:MASTER|SLAVE|REPLICA|BINARY\s+LOGS)|PURGE\s+(?:BINARY|MASTER)\s+LOGS|STOP\s+(?:SLAVE|REPLICA)|CHANGE\s+(?:MASTER|REPLICATION\s+SOURCE)\s+TO)\b/i, reason: '{1} changes or discards replication state' },
  { rule: 'sql-set-global', pattern: /^\s*SET\s+(?:GLOBAL|PERSIST)\b/i, reason: 'SET GLOBAL changes the server configuration for every session' },
  { rule: 'sql-shutdown', pattern: /^\s*SHUTDOWN\b/i, reason: 'SHUTDOWN stops the server' },
  { rule: 'vitess-migration', pattern: /^\s*ALTER\s+VITESS_MIGRATION\b[^;]*\b(COMPLETE|CANCEL|CLEANUP|FORCE_CUTOVER)\b/i, reason: 'ALTER VITESS_MIGRATION … {1} cuts over or drops a schema migration' },
  { rule: 'mongo-drop', pattern: /\.(dropDatabase|drop|dropIndexes?|deleteMany|deleteOne|remove|findOneAndDelete|renameCollection)\s*\(/, reason: 'MongoDB {1}() deletes data' },
  { rule: 'mongo-admin', pattern: /\b(rs\.(?:stepDown|remove|reconfig|freeze)|db\.shutdownServer|db\.adminCommand\(\s*\{\s*(?:shutdown|replSetReconfig|replSetStepDown))/, reason: 'MongoDB {1} changes the replica set or stops the server' },
];

/** The destructive statements of `text` in another dialect: one per statement, at its line (1-based, relative). */
export function findDialectDestructive(text: string): Array<{ rule: string; reason: string; text: string; line: number; column: number }> {
  const found: Array<{ rule: string; reason: string; text: string; line: number; column: number }> = [];
  let offset = 0;
  for (const statement of text.split(';')) {
    const start = offset;
    offset += statement.length + 1;
    const rule = DIALECT_DESTRUCTIVE_RULES.find((candidate) => candidate.pattern.test(statement));
    if (!rule) continue;
    const match = rule.pattern.exec(statement)!;
    const at = start + match.index + (match[0].length - match[0].trimStart().length);
    const line = text.slice(0, at).split('\n').length;
    found.push({ rule: rule.rule, reason: rule.reason.replace('{1}', match[1] ?? ''), text: statement.trim().replace(/\s+/g, ' ').slice(0, 200), line, column: 1 });
  }
  return found;
}
