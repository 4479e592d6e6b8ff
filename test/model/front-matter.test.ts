import { describe, expect, it } from 'vitest';
import { FrontMatterInputSchema, FrontMatterSchema, KNOWN_FRONT_MATTER_KEYS, RUNME_FRONT_MATTER_KEYS } from '../../src/model/front-matter.js';

const DEFAULTS = { tags: [], errexit: true, readonly: false, env: {}, variables: {}, connections: {}, requires: [] };

describe('FrontMatterSchema', () => {
  it('gives the defaults of a runbook without front matter', () => {
    expect(FrontMatterSchema.parse({})).toEqual(DEFAULTS);
  });

  it('re-parses its own output unchanged (timeout stays in milliseconds)', () => {
    const normalised = FrontMatterInputSchema.parse({ timeout: '5m', variables: { A: 'x' } });
    expect(FrontMatterSchema.parse(normalised)).toEqual(normalised);
    expect(normalised.timeout).toBe(300_000);
  });
});

describe('FrontMatterInputSchema', () => {
  it('normalises every known key', () => {
    const parsed = FrontMatterInputSchema.parse({
      title: 'Nightly',
      owner: 'dba',
      tags: 'db, nightly',
      shell: 'bash',
      errexit: 'no',
      cwd: './ops',
      timeout: 30,
      readonly: 'yes',
      env: { PGAPPNAME: 'litops', PORT: 5432, DEBUG: false },
      variables: {
        DB_URL: { description: 'target', secret: 'true', required: true },
        REGION: 'eu-west-1',
        REPLICAS: 3,
        EMPTY: null,
      },
      connections: { main: 'env:DATABASE_URL', replica: { url: 'postgres://r/db' } },
      requires: ['psql', 'jq'],
    });
    expect(parsed).toEqual({
      title: 'Nightly',
      owner: 'dba',
      tags: ['db', 'nightly'],
      shell: 'bash',
      errexit: false,
      cwd: './ops',
      timeout: 30_000,
      readonly: true,
      env: { PGAPPNAME: 'litops', PORT: '5432', DEBUG: 'false' },
      variables: {
        DB_URL: { description: 'target', secret: true, required: true },
        REGION: { default: 'eu-west-1' },
        REPLICAS: { default: '3' },
        EMPTY: {},
      },
      connections: { main: { url: 'env:DATABASE_URL' }, replica: { url: 'postgres://r/db' } },
      requires: ['psql', 'jq'],
    });
  });

  it('treats an empty table (null in YAML) as no entries', () => {
    expect(FrontMatterInputSchema.parse({ env: null, variables: null })).toEqual(DEFAULTS);
  });

  it.each([
    ['a bad variable name', { variables: { 'db-url': 'x' } }, ['variables', 'db-url']],
    ['an unknown variable key', { variables: { A: { defualt: 'x' } } }, ['variables', 'A']],
    ['a bad env:VAR url', { connections: { main: 'env:1x' } }, ['connections', 'main', 'url']],
    ['a connection without url', { connections: { main: {} } }, ['connections', 'main', 'url']],
    ['env that is not a table', { env: 'A=1' }, ['env']],
  ])('rejects %s at its path', (_, input, path) => {
    const result = FrontMatterInputSchema.safeParse(input);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([path]);
  });

  it('lists the known and the Runme keys', () => {
    expect(KNOWN_FRONT_MATTER_KEYS).toEqual(['title', 'owner', 'tags', 'shell', 'errexit', 'cwd', 'timeout', 'readonly', 'env', 'variables', 'connections', 'requires']);
    expect(RUNME_FRONT_MATTER_KEYS).toEqual(['runme', 'skipPrompts', 'terminalRows', 'category']);
  });
});
