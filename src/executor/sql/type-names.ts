/**
 * Names of PostgreSQL's built-in types by OID, as `format_type()` spells them
 * (what psql's `\gdesc` shows). Other OIDs (enums, domains, extensions) are
 * looked up on the server by the session and cached.
 */
export const TYPE_NAMES: ReadonlyMap<number, string> = new Map([
  [16, 'boolean'], [17, 'bytea'], [18, '"char"'], [19, 'name'], [20, 'bigint'], [21, 'smallint'], [22, 'int2vector'],
  [23, 'integer'], [24, 'regproc'], [25, 'text'], [26, 'oid'], [27, 'tid'], [28, 'xid'], [29, 'cid'], [30, 'oidvector'],
  [114, 'json'], [142, 'xml'], [194, 'pg_node_tree'], [600, 'point'], [601, 'lseg'], [602, 'path'], [603, 'box'],
  [604, 'polygon'], [628, 'line'], [650, 'cidr'], [700, 'real'], [701, 'double precision'], [705, 'unknown'],
  [718, 'circle'], [774, 'macaddr8'], [790, 'money'], [829, 'macaddr'], [869, 'inet'], [1033, 'aclitem'],
  [1042, 'character'], [1043, 'character varying'], [1082, 'date'], [1083, 'time without time zone'],
  [1114, 'timestamp without time zone'], [1184, 'timestamp with time zone'], [1186, 'interval'],
  [1266, 'time with time zone'], [1560, 'bit'], [1562, 'bit varying'], [1700, 'numeric'], [1790, 'refcursor'],
  [2202, 'regprocedure'], [2203, 'regoper'], [2204, 'regoperator'], [2205, 'regclass'], [2206, 'regtype'],
  [2249, 'record'], [2275, 'cstring'], [2278, 'void'], [2950, 'uuid'], [2970, 'txid_snapshot'], [3220, 'pg_lsn'],
  [3361, 'pg_ndistinct'], [3402, 'pg_dependencies'], [3614, 'tsvector'], [3615, 'tsquery'], [3734, 'regconfig'],
  [3769, 'regdictionary'], [3802, 'jsonb'], [3904, 'int4range'], [3906, 'numrange'], [3908, 'tsrange'],
  [3910, 'tstzrange'], [3912, 'daterange'], [3926, 'int8range'], [4072, 'jsonpath'], [4089, 'regnamespace'],
  [4096, 'regrole'], [4451, 'int4multirange'], [5038, 'pg_snapshot'], [5069, 'xid8'],
  [1000, 'boolean[]'], [1001, 'bytea[]'], [1002, '"char"[]'], [1003, 'name[]'], [1005, 'smallint[]'],
  [1007, 'integer[]'], [1009, 'text[]'], [1014, 'character[]'], [1015, 'character varying[]'], [1016, 'bigint[]'],
  [1021, 'real[]'], [1022, 'double precision[]'], [1028, 'oid[]'], [1034, 'aclitem[]'], [1041, 'inet[]'],
  [651, 'cidr[]'], [1115, 'timestamp without time zone[]'], [1182, 'date[]'], [1183, 'time without time zone[]'],
  [1185, 'timestamp with time zone[]'], [1187, 'interval[]'], [1231, 'numeric[]'], [2951, 'uuid[]'],
  [199, 'json[]'], [3807, 'jsonb[]'], [1263, 'cstring[]'], [2287, 'record[]'],
]);

/** The name of a type OID when it is built in, else null (the session asks the server). */
export function findBuiltinTypeName(oid: number): string | null {
  return TYPE_NAMES.get(oid) ?? null;
}
