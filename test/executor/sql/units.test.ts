import { beforeAll, describe, expect, it } from 'vitest';
import { buildStatementResult, locatePosition, readCommand, readTagCount } from '../../../src/executor/sql/build-statement-result.js';
import { convertValue, toHexBytea, toIsoTimestamp } from '../../../src/executor/sql/convert-value.js';
import { findUrlSecrets, redactUrl } from '../../../src/executor/sql/describe-url.js';
import { classifyMetaCommand } from '../../../src/executor/sql/meta-commands.js';
import { planCell } from '../../../src/executor/sql/plan-cell.js';
import { describeConnectError } from '../../../src/executor/sql/postgres/describe-connect-error.js';
import { createRedactor, redactDeep } from '../../../src/executor/sql/redact.js';
import { findRefusal } from '../../../src/executor/sql/refuse-statement.js';
import { loadSqlParser } from '../../../src/parser/index.js';

beforeAll(() => loadSqlParser());

describe('values', () => {
  it('converts the server text of common types to JSON-safe values', () => {
    expect(convertValue('t', 16)).toBe(true);
    expect(convertValue('-12', 23)).toBe(-12);
    expect(convertValue('Infinity', 701)).toBe('Infinity');
    expect(convertValue('9223372036854775807', 20)).toBe('9223372036854775807');
    expect(convertValue('1.10', 1700)).toBe('1.10');
    expect(convertValue(null, 23)).toBeNull();
    expect(convertValue('{"a":1}', 3802)).toBe('{"a":1}');
  });

  it('writes timestamps as ISO 8601 and leaves other forms alone', () => {
    expect(toIsoTimestamp('2024-01-02 03:04:05+00')).toBe('2024-01-02T03:04:05+00:00');
    expect(toIsoTimestamp('2024-01-02 03:04:05.5-05:30')).toBe('2024-01-02T03:04:05.5-05:30');
    expect(toIsoTimestamp('2024-01-02 03:04:05')).toBe('2024-01-02T03:04:05');
    expect(toIsoTimestamp('infinity')).toBe('infinity');
    expect(toIsoTimestamp('0044-03-15 12:00:00 BC')).toBe('0044-03-15 12:00:00 BC');
  });

  it('writes bytea as \\x hex even in escape output style', () => {
    expect(toHexBytea('\\xdead')).toBe('\\xdead');
    expect(toHexBytea('ab\\000\\\\')).toBe('\\x6162005c');
  });
});

describe('statement results', () => {
  it('reads command tags', () => {
    expect(readCommand('INSERT 0 3')).toBe('INSERT');
    expect(readCommand('CREATE INDEX')).toBe('CREATE INDEX');
    expect(readTagCount('INSERT 0 3')).toBe(3);
    expect(readTagCount('SELECT 10')).toBe(10);
    expect(readTagCount('VACUUM')).toBeNull();
  });

  it('turns a character position into a line of the cell, counting characters as the server does', () => {
    expect(locatePosition('SELECT 1', 4, 3)).toBe(4);
    expect(locatePosition('SELECT\n  x', 2, 10)).toBe(3);
    // '😀' is one character for the server but two UTF-16 units.
    expect(locatePosition("SELECT '😀',\nx", 1, 13)).toBe(2);
  });

  it('keeps notice details and counts dropped notices', () => {
    const notice = { severity: 'WARNING', message: 'm', code: '01000', position: null, detail: 'd', hint: 'h', where: 'w' };
    const result = buildStatementResult({
      index: 0, text: 'DO', line: 1, durationMs: 1, typeName: String,
      raw: { tag: 'DO', columns: null, rows: [], rowsReceived: 0, notices: [notice], noticesDropped: 5, error: null },
    });
    expect(result.notices).toEqual([
      { severity: 'WARNING', message: 'm\nDETAIL: d\nHINT: h\nCONTEXT: w' },
      { severity: 'NOTICE', message: '(5 more notices were not kept)' },
    ]);
  });
});

describe('redaction', () => {
  it('redacts passwords in URLs and finds them for output redaction', () => {
    expect(redactUrl('postgres://u:p%40ss@h:1/d?application_name=x')).toBe('postgres://u:[REDACTED]@h:1/d?application_name=x');
    expect(redactUrl('postgres://h/d')).toBe('postgres://h/d');
    expect(redactUrl('nonsense with secret')).toBe('(not a postgres:// URL)');
    expect(findUrlSecrets('postgres://u:p%40ss@h/d?password=qq1')).toEqual(['p%40ss', 'p@ss', 'qq1']);
  });

  it('replaces secrets in nested values, ignoring very short ones', () => {
    const redact = createRedactor(['hunter2', 'pw']);
    expect(redactDeep({ a: ['xhunter2x', 3, null], b: { c: 'pw stays' } }, redact)).toEqual({ a: ['x[REDACTED]x', 3, null], b: { c: 'pw stays' } });
  });

  it('describes connection failures in one line', () => {
    const refused = Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], ''), {});
    expect(describeConnectError(refused, 'postgres://u:[REDACTED]@localhost/d', 10_000)).toBe('cannot reach PostgreSQL at postgres://u:[REDACTED]@localhost/d: connection refused');
    expect(describeConnectError(new Error('Connection terminated due to connection timeout'), 'D', 3000)).toBe('cannot reach PostgreSQL at D: no answer within 3 s');
  });
});

describe('planning a cell', () => {
  it('orders statements and skipped meta-commands by position', () => {
    const plan = planCell('\\x\nSELECT 1; SELECT 2 \\g\n\\echo done', {});
    expect(plan.ok && plan.steps.map((step) => [step.kind, step.text, step.line])).toEqual([
      ['meta', '\\x', 1],
      ['statement', 'SELECT 1', 2],
      ['statement', 'SELECT 2', 2],
      ['meta', '\\g', 2],
      ['meta', '\\echo done', 3],
    ]);
  });

  it('binds variables first, so a value may hold more than one statement, as in psql', () => {
    const plan = planCell('SELECT :cols', { cols: '1; SELECT 2' });
    expect(plan.ok && plan.steps.map((step) => step.text)).toEqual(['SELECT 1', 'SELECT 2']);
  });

  it('explains a variable that \\set would have given', () => {
    const plan = planCell('\\set region eu\nSELECT :region', {});
    expect(plan).toMatchObject({ ok: false, status: 'error', error: expect.stringMatching(/^no value for psql variable :region \(psql's \\set and \\gset are not run by litops/) });
  });

  it('skips display meta-commands and refuses the ones that change what runs', () => {
    expect(classifyMetaCommand('pset', ['format', 'csv']).action).toBe('skip');
    expect(classifyMetaCommand('dt+', []).action).toBe('skip');
    expect(classifyMetaCommand('g', []).action).toBe('skip');
    for (const [command, args] of [['g', ['out.txt']], ['c', ['db']], ['i', ['x.sql']], ['gexec', []], ['gset', []], ['if', ['x']], ['!', ['ls']], ['copy', ['t', 'from', 'f']], ['watch', ['5']], ['q', []]] as const) {
      expect(classifyMetaCommand(command, args).action, command).toBe('refuse');
    }
  });

  it('refuses COPY ... FROM STDIN only', () => {
    expect(findRefusal('CopyStmt', 'COPY t (a, b) FROM stdin WITH (FORMAT csv)')).toMatch(/^COPY \.\.\. FROM STDIN/);
    expect(findRefusal('CopyStmt', "COPY (SELECT 'FROM STDIN') TO STDOUT")).toBeNull();
    expect(findRefusal('CopyStmt', "COPY t FROM '/tmp/x.csv'")).toBeNull();
  });
});
