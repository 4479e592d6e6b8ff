/**
 * SQL of other systems, as data: a row per dialect with the marks that only it
 * writes. `strong` marks decide even when the PostgreSQL parser accepts the
 * text (`SHOW DATABASES` parses as a PostgreSQL `SHOW`); the others only when it
 * rejects it. Checked in order: ClickHouse's `ENGINE = MergeTree` before MySQL's `ENGINE =`.
 */
export interface SqlDialect {
  /** The dialect's name, as cells and diagnostics say it. */
  name: string;
  /** Fence languages that are this dialect. */
  languages: readonly string[];
  strong: readonly RegExp[];
  weak: readonly RegExp[];
}

export const SQL_DIALECTS: readonly SqlDialect[] = [
  {
    name: 'clickhouse',
    languages: ['clickhouse', 'clickhouse-sql', 'chsql'],
    strong: [/\bSYSTEM\s+(?:DROP|RESTART|SYNC|FLUSH|RELOAD|STOP|START)\s+\w/i, /\bENGINE\s*=\s*\w*MergeTree\b/i, /\bON\s+CLUSTER\b/i, /\bsystem\.(?:parts|replicas|mutations|clusters|zookeeper|merges|replication_queue)\b/],
    weak: [/\b(?:DETACH|ATTACH)\s+(?:TABLE|PARTITION|DICTIONARY)\b/i, /\bOPTIMIZE\s+TABLE\b/i, /\bFINAL\b/, /\bFORMAT\s+(?:Vertical|JSONEachRow|TabSeparated|Pretty)\b/],
  },
  {
    name: 'mysql',
    languages: ['mysql', 'mariadb', 'tidb', 'mysql-sql'],
    strong: [
      /\bSHOW\s+(?:FULL\s+)?(?:SLAVE|REPLICA|MASTER|BINARY|ENGINE|PROCESSLIST|DATABASES|TABLES|GRANTS|CREATE\s+TABLE|TABLE\s+STATUS|(?:GLOBAL\s+|SESSION\s+)?(?:VARIABLES|STATUS))\b/i,
      /\b(?:START|STOP|RESET)\s+(?:SLAVE|REPLICA|MASTER)\b/i,
      /\bCHANGE\s+(?:MASTER|REPLICATION\s+SOURCE)\s+TO\b/i,
      /\bmysql\.(?:rds_\w+|user|db)\b/i,
      /\bSET\s+(?:GLOBAL|PERSIST)\s+\w/i,
      /\bFLUSH\s+(?:TABLES|LOGS|PRIVILEGES|BINARY)\b/i,
      /\bKILL\s+(?:QUERY\s+|CONNECTION\s+)?\d+/i,
      /^\s*USE\s+`?\w+`?\s*;?\s*$/im,
      /@@(?:GLOBAL\.|SESSION\.)?[a-z_]+\b(?!\s*(?:to_)?\w*tsquery)/i,
      /\bwsrep_\w+/,
    ],
    weak: [/`\w[\w$]*`/, /\bENGINE\s*=/i, /\bAUTO_INCREMENT\b/i, /\bRENAME\s+TABLE\b/i, /\bUNSIGNED\b/i, /\bIDENTIFIED\s+BY\b/i, /\bLOCK\s+TABLES\b/i],
  },
  {
    name: 'tsql',
    languages: ['tsql', 'mssql', 'sqlserver', 't-sql'],
    strong: [/^\s*GO\s*$/im, /\bsp_\w+/i, /\bxp_\w+/i],
    weak: [/\bNVARCHAR\b/i, /\[\w+\]\.\[\w+\]/, /\bTOP\s*\(?\d+/i],
  },
  { name: 'sqlite', languages: ['sqlite', 'sqlite3'], strong: [/^\s*\.(?:tables|schema|mode|headers)\b/im, /\bPRAGMA\s+\w/i], weak: [] },
  { name: 'oracle', languages: ['plsql', 'oracle'], strong: [/\bFROM\s+DUAL\b/i, /\bv\$\w+/i, /\bdba_\w+/i], weak: [/\bVARCHAR2\b/i, /\bNUMBER\(/i] },
  { name: 'cql', languages: ['cql', 'cassandra'], strong: [/\bKEYSPACE\b/i, /\bCONSISTENCY\s+\w+/i], weak: [] },
];

/** The dialect a fence language names (`mysql`, `clickhouse`), or null. */
export function dialectOfLanguage(language: string | null): string | null {
  const lang = language?.toLowerCase();
  if (!lang) return null;
  return SQL_DIALECTS.find((dialect) => dialect.languages.includes(lang))?.name ?? null;
}

/**
 * The dialect `sql` reads as: by strong marks always, by weak ones only when
 * PostgreSQL rejects it (asked only when a weak mark is there: parsing is the costly part).
 */
export function detectDialect(sql: string, rejectedByPostgres: boolean | (() => boolean)): string | null {
  for (const dialect of SQL_DIALECTS) if (dialect.strong.some((mark) => mark.test(sql))) return dialect.name;
  const weak = SQL_DIALECTS.find((dialect) => dialect.weak.some((mark) => mark.test(sql)));
  if (!weak) return null;
  return (typeof rejectedByPostgres === 'function' ? rejectedByPostgres() : rejectedByPostgres) ? weak.name : null;
}
