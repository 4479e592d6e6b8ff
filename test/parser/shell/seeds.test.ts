import { describe, expect, test } from 'vitest';
import { analyzeShell, splitNumberedParts } from '../../../src/parser/shell/index.js';
import { readFixture } from './read-fixture.js';

/** Explicit checks of cells copied from the seed runbooks (see fixtures/). */
describe('seed runbook cells', () => {
  test('002 log maintenance: find -delete reads variables the same cell sets', () => {
    const analysis = analyzeShell(readFixture('002-log-maintenance'));
    expect(analysis.destructive).toContainEqual({
      rule: 'find-delete',
      reason: 'find -delete deletes every file it matches',
      text: 'find $LOG_DIR -name "*.gz" -mtime +$RETENTION_DAYS -delete',
      line: 16,
      column: 1,
    });
    expect(analysis.reads.filter((read) => read.line === 16).map((read) => `${read.name}:${read.column}`)).toEqual(['LOG_DIR:6', 'RETENTION_DAYS:36']);
    expect(analysis.sets.map((set) => set.name)).toEqual(['LOG_DIR', 'RETENTION_DAYS']);
    expect(analysis.freeReads).toEqual([]);
    // `find ... -exec gzip {} \;` compresses; it is not destructive.
    expect(analysis.destructive.map((reason) => reason.line)).toEqual([16, 19]);
  });

  test('002 pre-maintenance backup: pg_dump connection variables are free', () => {
    const analysis = analyzeShell(readFixture('002-pre-maintenance-backup'));
    expect(analysis.freeReads).toEqual([
      { name: 'DB_HOST', line: 2, column: 12, hasDefault: false, scope: 'cell' },
      { name: 'DB_USER', line: 2, column: 24, hasDefault: false, scope: 'cell' },
      { name: 'DB_NAME', line: 2, column: 36, hasDefault: false, scope: 'cell' },
    ]);
    expect(analysis.destructive).toEqual([]);
  });

  test('000 backup verification: BACKUP_FILE is set from a command substitution, TEST_DB_URL is free', () => {
    const analysis = analyzeShell(readFixture('000-backup-verification'));
    expect(analysis.sets).toEqual([{ name: 'BACKUP_FILE', line: 2, column: 1, hasDefault: false, scope: 'cell' }]);
    expect(analysis.reads.map((read) => read.name)).toContain('BACKUP_FILE');
    expect([...new Set(analysis.freeReads.map((read) => read.name))]).toEqual(['TEST_DB_URL']);
    expect(analysis.embeddedSql.map((sql) => sql.sql)).toEqual(['SELECT COUNT(*) FROM "User";', `SELECT COUNT(*) FROM "Intent" WHERE status = 'completed';`]);
  });

  test('000 disk space: docker system prune -a is destructive, npm cache clean is not', () => {
    const analysis = analyzeShell(readFixture('000-disk-space'));
    expect(analysis.destructive).toEqual([
      {
        rule: 'docker-system-prune',
        reason: 'docker system prune deletes all stopped containers, unused networks and dangling images (-a: every unused image)',
        text: 'docker system prune -a',
        line: 8,
        column: 1,
      },
    ]);
  });

  test('002 rollback: kubectl rollout undo and kubectl set env (which rolls the pods) are destructive', () => {
    const analysis = analyzeShell(readFixture('002-rollback'));
    expect(analysis.destructive.map((reason) => `${reason.rule}@${reason.line}:${reason.text}`)).toEqual([
      'kubectl-rollout-undo@2:kubectl rollout undo deployment/app',
      'kubectl-set@5:kubectl set env deployment/app LIBRARY_UPDATE_TRAFFIC=0',
      'kubectl-set@7:kubectl set env deployment/app LIBRARY_UPDATE_TRAFFIC=25',
    ]);
  });

  test('003 API server management: scale count 0 is destructive, scale count 2 is not', () => {
    const analysis = analyzeShell(readFixture('003-api-server-management'));
    const scale = analysis.commands.filter((command) => command.args[0] === 'scale');
    expect(scale.map((command) => command.args.join(' '))).toEqual(['scale count 0 --app zerostate-api', 'scale count 2 --app zerostate-api']);
    expect(analysis.destructive.map((reason) => `${reason.rule}@${reason.line}`)).toEqual(['fly-stop@3', 'fly-scale-zero@6', 'fly-restart@12']);
  });

  test('000 database optimization: multi-line psql -c SQL with its line', () => {
    const [vacuum, bloat, reindex] = analyzeShell(readFixture('000-database-optimization')).embeddedSql;
    expect(vacuum).toEqual({ sql: 'VACUUM ANALYZE;', line: 2, column: 24, via: 'option', dynamic: false });
    expect(bloat).toMatchObject({ line: 6, column: 3, via: 'option', dynamic: false });
    expect(bloat?.sql.split('\n')[0]).toBe('SELECT');
    expect(bloat?.sql.split('\n').at(-1)).toBe('  ORDER BY n_dead_tup DESC;');
    expect(reindex).toMatchObject({ sql: 'REINDEX INDEX CONCURRENTLY idx_intent_sender;', line: 16 });
  });

  test('003 database connection issues: pg_terminate_backend SQL starts on the line after psql', () => {
    const sql = analyzeShell(readFixture('003-db-connection-issues')).embeddedSql;
    expect(sql.map((item) => `${item.line}:${item.column}`)).toEqual(['2:24', '8:24', '12:1']);
    expect(sql[2]?.sql).toBe("SELECT pg_terminate_backend(pid)\nFROM pg_stat_activity\nWHERE state = 'idle in transaction'\nAND query_start < NOW() - INTERVAL '1 hour';");
  });

  test('001 self-hosted nginx: an nginx block pasted into bash does not parse, the commands before it still count', () => {
    const analysis = analyzeShell(readFixture('001-self-hosted-nginx'));
    expect(analysis.error).toEqual({ message: '"}" can only be used to close a block', line: 15, column: 3 });
    expect(analysis.commands.slice(0, 2).map((command) => `${command.name} ${command.args.join(' ')}`)).toEqual(['cd ui', 'npm run build']);
  });

  test('000 DR drill: ten numbered parts, the free variables come from the cell itself', () => {
    const source = readFixture('000-dr-drill');
    const analysis = analyzeShell(source);
    expect(analysis.sets.map((set) => set.name)).toEqual(['LATEST_BACKUP', 'DATABASE_URL']);
    expect(analysis.freeReads).toEqual([]);
    // Restoring with psql < restore.sql overwrites the database (issue 13's rules).
    expect(analysis.destructive.map((reason) => reason.rule)).toEqual(['psql-restore', 'pm2-stop', 'dropdb']);
    expect(splitNumberedParts(source)?.map((part) => part.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  test('003 backup script: the find -delete cleanup and the R2 endpoint input', () => {
    const analysis = analyzeShell(readFixture('003-backup-script'));
    expect([...new Set(analysis.freeReads.map((read) => read.name))]).toEqual(['DATABASE_URL', 'R2_ENDPOINT']);
    expect(analysis.destructive.map((reason) => reason.text)).toEqual(['find $BACKUP_DIR -name "*.gz" -mtime +7 -delete']);
  });

  test('004 failover: pg_ctl promote is destructive, the exported DB_HOST is set', () => {
    const analysis = analyzeShell(readFixture('004-failover'));
    expect(analysis.destructive.map((reason) => reason.rule)).toEqual(['pg-ctl-promote', 'docker-compose-stop']);
    expect(analysis.sets).toEqual([{ name: 'DB_HOST', line: 5, column: 8, hasDefault: false, scope: 'cell' }]);
  });
});
