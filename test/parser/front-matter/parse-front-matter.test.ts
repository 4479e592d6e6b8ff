import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/model/diagnostic.js';
import { FrontMatterSchema, type FrontMatter } from '../../../src/model/front-matter.js';
import { parseFrontMatter } from '../../../src/parser/front-matter/index.js';

const DEFAULTS = FrontMatterSchema.parse({});
const lines = (...text: string[]) => `${text.join('\n')}\n`;
const crlf = (text: string) => text.replace(/\n/g, '\r\n');
const at = (line: number, column: number) => ({ line, column });
type Located = Pick<Diagnostic, 'severity' | 'rule' | 'line' | 'column'> & { message?: string };
const summary = (diagnostics: Diagnostic[]) => diagnostics.map(({ severity, rule, line, column }) => ({ severity, rule, line, column }));

// Front matter starts on line 1 with "---"; its first line is file line 2.
const START = 2;

describe('parseFrontMatter: valid YAML', () => {
  const yaml = lines(
    'title: Nightly backup check',
    'owner: dba-team',
    'tags: [db, nightly]',
    'shell: bash',
    'errexit: false',
    'cwd: ./ops',
    'timeout: 10m',
    'readonly: yes',
    'env:',
    '  PGAPPNAME: litops',
    '  PGPORT: 5432',
    'variables:',
    '  DB_URL:',
    '    description: Target database',
    '    secret: true',
    '  REGION: eu-west-1',
    '  DRY_RUN:',
    'connections:',
    '  main: env:DATABASE_URL',
    '  replica: {url: "postgres://replica/app"}',
    'requires: [psql, jq]',
    'runme:',
    '  id: 01HY0Y62WJCT2BVD5VA2HZ32TG',
    '  version: v3',
    'skipPrompts: true',
  );
  const expected: FrontMatter = {
    title: 'Nightly backup check',
    owner: 'dba-team',
    tags: ['db', 'nightly'],
    shell: 'bash',
    errexit: false,
    cwd: './ops',
    timeout: 600_000,
    readonly: true,
    env: { PGAPPNAME: 'litops', PGPORT: '5432' },
    variables: { DB_URL: { description: 'Target database', secret: true }, REGION: { default: 'eu-west-1' }, DRY_RUN: {} },
    connections: { main: { url: 'env:DATABASE_URL' }, replica: { url: 'postgres://replica/app' } },
    requires: ['psql', 'jq'],
    runme: { runme: { id: '01HY0Y62WJCT2BVD5VA2HZ32TG', version: 'v3' }, skipPrompts: true },
  };

  it('reads every key', () => {
    expect(parseFrontMatter(yaml, 'yaml', START)).toEqual({ frontMatter: expected, diagnostics: [] });
  });

  it('reads the same with CRLF line ends', () => {
    expect(parseFrontMatter(crlf(yaml), 'yaml', START)).toEqual({ frontMatter: expected, diagnostics: [] });
  });

  it('accepts a comma-separated tags string and a bare default number', () => {
    const result = parseFrontMatter(lines('tags: db, nightly', 'variables:', '  PORT: 5432'), 'yaml', START);
    expect(result.frontMatter.tags).toEqual(['db', 'nightly']);
    expect(result.frontMatter.variables).toEqual({ PORT: { default: '5432' } });
  });
});

describe('parseFrontMatter: empty front matter', () => {
  it.each<[string, string, 'yaml' | 'toml']>([
    ['empty YAML', '', 'yaml'],
    ['blank YAML', '\n\n', 'yaml'],
    ['YAML comments only', '# nothing yet\n', 'yaml'],
    ['CRLF blank YAML', '\r\n', 'yaml'],
    ['empty TOML', '', 'toml'],
    ['TOML comments only', '# nothing yet\n', 'toml'],
  ])('%s gives the defaults', (_, raw, kind) => {
    expect(parseFrontMatter(raw, kind, START)).toEqual({ frontMatter: DEFAULTS, diagnostics: [] });
  });

  it('has the documented defaults', () => {
    expect(DEFAULTS).toEqual({ tags: [], errexit: true, readonly: false, env: {}, variables: {}, connections: {}, requires: [] });
  });
});

describe('parseFrontMatter: TOML', () => {
  it('reads a table of variables, inline tables and dotted keys', () => {
    const toml = lines(
      'title = "Failover drill"',
      'tags = ["dr"]',
      'timeout = 90',
      'errexit = "no"',
      'requires = "psql, pg_isready"',
      '',
      '[env]',
      'PGAPPNAME = "litops"',
      '',
      '[variables]',
      'REGION = "eu-west-1"',
      'REPLICAS = 3',
      '',
      '[variables.DB_URL]',
      'description = "Primary"',
      'secret = true',
      'required = true',
      '',
      '[connections]',
      'main = "env:DATABASE_URL"',
      'standby = { url = "postgres://standby/app" }',
      '',
      '[runme]',
      'id = "X"',
    );
    expect(parseFrontMatter(toml, 'toml', START)).toEqual({
      frontMatter: {
        ...DEFAULTS,
        title: 'Failover drill',
        tags: ['dr'],
        timeout: 90_000,
        errexit: false,
        requires: ['psql', 'pg_isready'],
        env: { PGAPPNAME: 'litops' },
        variables: { REGION: { default: 'eu-west-1' }, REPLICAS: { default: '3' }, DB_URL: { description: 'Primary', secret: true, required: true } },
        connections: { main: { url: 'env:DATABASE_URL' }, standby: { url: 'postgres://standby/app' } },
        runme: { runme: { id: 'X' } },
      },
      diagnostics: [],
    });
  });

  it('reads CRLF TOML', () => {
    const result = parseFrontMatter(crlf(lines('title = "x"', '[variables.A]', 'default = "1"')), 'toml', START);
    expect(result).toEqual({ frontMatter: { ...DEFAULTS, title: 'x', variables: { A: { default: '1' } } }, diagnostics: [] });
  });
});

describe('parseFrontMatter: syntax errors are located in the file', () => {
  it.each<[string, string, 'yaml' | 'toml', Located[]]>([
    ['YAML: bad indentation', lines('title: x', 'variables:', '  A: 1', ' B: 2'), 'yaml', [{ severity: 'error', rule: 'front-matter-syntax', ...at(5, 1) }]],
    ['YAML: duplicate key', lines('title: a', 'owner: b', 'title: c'), 'yaml', [{ severity: 'error', rule: 'front-matter-syntax', ...at(4, 1), message: 'invalid YAML front matter: Map keys must be unique' }]],
    ['YAML: unclosed flow sequence (CRLF)', crlf(lines('title: x', 'tags: [a, b', 'owner: y')), 'yaml', [{ severity: 'error', rule: 'front-matter-syntax', ...at(4, 1) }]],
    ['YAML: tab indentation', 'env:\n\tA: 1\n', 'yaml', [{ severity: 'error', rule: 'front-matter-syntax', ...at(3, 1) }]],
    ['TOML: missing value', lines('title = "x"', 'owner = '), 'toml', [{ severity: 'error', rule: 'front-matter-syntax', ...at(3, 9), message: 'invalid TOML front matter: invalid value' }]],
    ['TOML: unterminated string (CRLF)', crlf(lines('title = "x"', 'owner = "y')), 'toml', [{ severity: 'error', rule: 'front-matter-syntax', ...at(3, 11) }]],
    ['TOML: duplicate key', lines('title = "a"', 'title = "b"'), 'toml', [{ severity: 'error', rule: 'front-matter-syntax', ...at(3, 1) }]],
  ])('%s', (_, raw, kind, expected) => {
    const result = parseFrontMatter(raw, kind, START);
    expect(summary(result.diagnostics).slice(0, expected.length)).toEqual(expected.map(({ message: _m, ...rest }) => rest));
    for (const [index, { message }] of expected.entries()) if (message) expect(result.diagnostics[index]?.message).toBe(message);
    expect(result.frontMatter).toEqual(DEFAULTS);
  });

  it('reports a top level that is not a table', () => {
    expect(parseFrontMatter('- a\n- b\n', 'yaml', 5)).toEqual({
      frontMatter: DEFAULTS,
      diagnostics: [{ severity: 'error', rule: 'invalid-front-matter', message: 'front matter must be a table of keys such as title, variables and connections', line: 5, column: 1 }],
    });
  });
});

describe('parseFrontMatter: invalid values are located at their key, and the rest stays usable', () => {
  const yaml = lines(
    'title: Drill', //                       2
    'timeout: soon', //                      3
    'tags: {a: 1}', //                       4
    'variables:', //                         5
    '  DB_URL: {secret: maybe}', //          6
    '  bad-name: x', //                      7
    '  REGION:', //                          8
    '    defualt: eu', //                    9
    '  OK: fine', //                         10
    'connections:', //                       11
    '  main:', //                            12
    '    url: env:1x', //                    13
    '  other: postgres://h/db', //           14
    'errexit: sometimes', //                 15
  );
  const expected: Located[] = [
    { severity: 'error', rule: 'invalid-front-matter', ...at(3, 10), message: 'invalid front matter: timeout: expected a duration such as 500ms, 30s, 5m or 1h30m, got "soon"' },
    { severity: 'error', rule: 'invalid-front-matter', ...at(4, 1), message: 'invalid front matter: tags: expected a list of names or a comma-separated string, got a table of keys' },
    { severity: 'error', rule: 'invalid-front-matter', ...at(6, 20), message: 'invalid front matter: variables.DB_URL.secret: expected true or false (or yes/no), got "maybe"' },
    { severity: 'error', rule: 'invalid-front-matter', ...at(7, 3), message: 'invalid front matter: variables.bad-name: invalid name (expected a variable name ([A-Za-z_][A-Za-z0-9_]*), got "bad-name")' },
    { severity: 'error', rule: 'invalid-front-matter', ...at(9, 5), message: 'invalid front matter: variables.REGION: unknown key "defualt"; did you mean "default"?' },
    { severity: 'error', rule: 'invalid-front-matter', ...at(13, 10), message: 'invalid front matter: connections.main.url: expected env:NAME with a variable name after env:' },
    { severity: 'error', rule: 'invalid-front-matter', ...at(15, 10), message: 'invalid front matter: errexit: expected true or false (or yes/no), got "sometimes"' },
  ];

  it.each([
    ['LF', yaml],
    ['CRLF', crlf(yaml)],
  ])('%s', (_, raw) => {
    const result = parseFrontMatter(raw, 'yaml', START);
    expect(result.diagnostics).toEqual(expected);
    expect(result.frontMatter).toEqual({
      ...DEFAULTS,
      title: 'Drill',
      variables: { OK: { default: 'fine' } },
      connections: { other: { url: 'postgres://h/db' } },
    });
  });

  it('locates a missing required field at the deepest key that exists', () => {
    const result = parseFrontMatter(lines('connections:', '  main: {}'), 'yaml', START);
    expect(summary(result.diagnostics)).toEqual([{ severity: 'error', rule: 'invalid-front-matter', ...at(3, 3) }]);
  });

  it.each<[string, string, Located[]]>([
    ['a key in a [table] header', lines('title = "x"', '', '[variables.DB_URL]', 'description = "db"', 'secret = "maybe"'), [{ severity: 'error', rule: 'invalid-front-matter', ...at(6, 1) }]],
    ['a top-level key', lines('title = "x"', 'timeout = "soon"'), [{ severity: 'error', rule: 'invalid-front-matter', ...at(3, 1) }]],
    ['a dotted key', lines('title = "x"', 'variables.A.secret = "maybe"'), [{ severity: 'error', rule: 'invalid-front-matter', ...at(3, 13) }]],
    ['an inline table', lines('[connections]', 'main = { url = "env:1x" }'), [{ severity: 'error', rule: 'invalid-front-matter', ...at(3, 10) }]],
    ['a bad name in a table header', lines('[variables.bad-name]', 'default = "x"'), [{ severity: 'error', rule: 'invalid-front-matter', ...at(2, 1) }]],
    ['the same key name in another table', lines('[env]', 'secret = "x"', '[variables.A]', 'secret = "maybe"'), [{ severity: 'error', rule: 'invalid-front-matter', ...at(5, 1) }]],
  ])('TOML (best effort): %s', (_, raw, expected) => {
    expect(summary(parseFrontMatter(raw, 'toml', START).diagnostics)).toEqual(expected);
  });
});

describe('parseFrontMatter: unknown and Runme keys', () => {
  it('warns about unknown keys at their line, keeps them, and accepts Runme keys silently', () => {
    const raw = lines('runme:', '  id: X', 'shell: zsh', 'cwd: ..', 'skipPrompts: true', 'terminalRows: 20', 'category: ops', 'timout: 5m', 'sidebar_position: 3');
    const result = parseFrontMatter(raw, 'yaml', 10);
    expect(result.diagnostics).toEqual([
      { severity: 'warning', rule: 'unknown-front-matter-key', message: 'unknown front-matter key "timout" is ignored; did you mean "timeout"?', line: 17, column: 1 },
      { severity: 'warning', rule: 'unknown-front-matter-key', message: 'unknown front-matter key "sidebar_position" is ignored', line: 18, column: 1 },
    ]);
    expect(result.frontMatter).toEqual({
      ...DEFAULTS,
      shell: 'zsh',
      cwd: '..',
      runme: { runme: { id: 'X' }, skipPrompts: true, terminalRows: 20, category: 'ops' },
      unknown: { timout: '5m', sidebar_position: 3 },
    });
  });

  it('locates unknown TOML keys too', () => {
    const result = parseFrontMatter(lines('title = "x"', '[extra]', 'a = 1'), 'toml', START);
    expect(summary(result.diagnostics)).toEqual([{ severity: 'warning', rule: 'unknown-front-matter-key', ...at(3, 1) }]);
    expect(result.frontMatter.unknown).toEqual({ extra: { a: 1 } });
  });
});

describe('parseFrontMatter never throws', () => {
  it.each(['yaml', 'toml'] as const)('on arbitrary %s text', (kind) => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (raw) => {
        const result = parseFrontMatter(raw, kind, 3);
        expect(FrontMatterSchema.safeParse(result.frontMatter).success).toBe(true);
        for (const diagnostic of result.diagnostics) expect(diagnostic.line).toBeGreaterThanOrEqual(3);
      }),
      { numRuns: 300 },
    );
  });
});
