import type { SafetyRule } from './types.js';

/** Database servers, their clients and their backup tools. */
export const databaseRules: readonly SafetyRule[] = [
  { rule: 'dropdb', commands: ['dropdb'], reason: 'dropdb deletes a whole PostgreSQL database' },
  { rule: 'dropuser', commands: ['dropuser'], reason: 'dropuser removes a PostgreSQL role' },
  { rule: 'pg-ctl-stop', commands: ['pg_ctl', 'pg_ctlcluster'], path: [/^(stop|restart|kill)$/], reason: '{cmd} {0} interrupts the PostgreSQL server' },
  { rule: 'pg-ctl-stop', commands: ['pg_ctlcluster'], path: ['*', '*', ['stop', 'restart']], reason: 'pg_ctlcluster {2} interrupts the PostgreSQL server' },
  { rule: 'pg-ctl-promote', commands: ['pg_ctl'], path: [['promote']], reason: 'pg_ctl promote turns a standby into a primary, which cannot be undone' },
  { rule: 'pg-resetwal', commands: ['pg_resetwal', 'pg_resetxlog'], reason: '{cmd} resets the write-ahead log and can lose committed data' },
  { rule: 'pg-restore', commands: ['pg_restore'], noOption: ['-l', '--list', '-f', '--file'], reason: 'pg_restore writes into a database (with --clean, drops objects first)' },
  { rule: 'pg-upgrade', commands: ['pg_upgrade'], noOption: ['-c', '--check'], reason: 'pg_upgrade moves the data directory to a new major version' },
  { rule: 'psql-restore', commands: ['psql', 'mysql', 'mariadb'], stdinFile: /(?:dump|backup|restore|\.dump$|\.sql(?:\.gz)?$)/i, reason: '{cmd} < file runs a whole SQL script (a dump restore) against the database' },
  { rule: 'psql-restore', commands: ['psql'], anyOption: ['-f', '--file'], optionValue: { names: ['-f', '--file'], value: /(dump|backup|restore)[\w.-]*\.sql$|\.dump$/i }, reason: 'psql -f runs a dump against the database' },
  { rule: 'patronictl', commands: ['patronictl'], path: [['switchover', 'failover', 'restart', 'reinit', 'remove', 'pause', 'reload', 'edit-config']], reason: 'patronictl {0} changes which node is primary or restarts members' },
  { rule: 'redis-flush', commands: ['redis-cli'], path: [/^(flushall|flushdb|shutdown|del|unlink|config|debug|replicaof|slaveof|failover)$/i], reason: 'redis-cli {0} deletes keys, stops or reconfigures the server' },
  { rule: 'etcdctl-delete', commands: ['etcdctl'], path: [['del', 'delete', 'defrag', 'compact', 'compaction']], reason: 'etcdctl {0} deletes keys or history' },
  { rule: 'etcdctl-member', commands: ['etcdctl'], path: [['member'], ['remove', 'update', 'promote']], reason: 'etcdctl member {1} changes the etcd cluster membership' },
  { rule: 'etcdctl-restore', commands: ['etcdctl', 'etcdutl'], path: [['snapshot'], ['restore']], reason: '{cmd} snapshot restore replaces the etcd data' },
  { rule: 'wal-g-restore', commands: ['wal-g'], path: [/^(backup-fetch|binlog-replay|delete|st)$/], noArg: /^(ls|cat|check)$/, reason: 'wal-g {0} restores into or deletes from a live server or its storage' },
  { rule: 'mysqladmin', commands: ['mysqladmin'], path: [['shutdown', 'drop', 'kill', 'flush-logs', 'purge']], reason: 'mysqladmin {0} stops the server, drops a database or kills threads' },
  { rule: 'prisma-migrate', commands: ['prisma'], path: [['migrate', 'db'], ['deploy', 'reset', 'push', 'resolve']], reason: 'prisma {0} {1} changes the production schema' },
  { rule: 'rails-db', commands: ['rails', 'rake'], path: [/^db:(drop|reset|migrate|rollback|schema:load|setup)$/], reason: '{cmd} {0} changes the database schema or data' },
  { rule: 'pd-ctl', commands: ['pd-ctl'], anyArg: /^(delete|transfer|set)$/, reason: 'pd-ctl changes the TiDB cluster (delete, transfer a leader, set a config)' },
  { rule: 'vtctl-online-ddl', commands: ['vtctldclient', 'vtctlclient'], path: [['OnlineDDL', 'onlineddl']], anyArg: /^(complete|cancel|cleanup)$/, reason: '{cmd} OnlineDDL complete/cancel cuts over or drops a schema migration' },
  { rule: 'rabbitmqctl', commands: ['rabbitmqctl', 'rabbitmq-plugins'], path: [/^(stop|stop_app|reset|force_reset|forget_cluster_node|delete_\w+|purge_queue|clear_\w+|close_all_connections|disable)$/], reason: '{cmd} {0} stops the node, resets it or deletes its objects' },
  { rule: 'mongo-shutdown', commands: ['mongod'], anyOption: ['--shutdown', '--repair'], reason: 'mongod --shutdown/--repair stops the server or rewrites its data' },
];
