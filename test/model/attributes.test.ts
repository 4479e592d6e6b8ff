import { describe, expect, it } from 'vitest';
import {
  AttributesInputSchema,
  AttributesSchema,
  BooleanishSchema,
  KNOWN_ATTRIBUTES,
  NameListSchema,
  RUNME_ATTRIBUTES,
  TextSchema,
  VariableNameSchema,
} from '../../src/model/attributes.js';

describe('BooleanishSchema', () => {
  it.each([
    [true, true],
    [false, false],
    ['true', true],
    ['false', false],
    ['yes', true],
    ['no', false],
    ['TRUE', true],
    [' No ', false],
  ] as const)('%j is %j', (input, output) => {
    expect(BooleanishSchema.parse(input)).toBe(output);
  });

  it.each([['maybe'], [1], [null], ['']])('%j is not a boolean', (input) => {
    const result = BooleanishSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^expected true or false \(or yes\/no\), got /);
  });
});

describe('NameListSchema', () => {
  it.each([
    ['db', ['db']],
    ['db, api ,, web', ['db', 'api', 'web']],
    [['db', 'api'], ['db', 'api']],
    [['db,api', ' web '], ['db', 'api', 'web']],
    ['', []],
  ] as const)('%j is %j', (input, output) => {
    expect(NameListSchema.parse(input)).toEqual(output);
  });

  it.each([[3], [['a', 1]], [{ a: 1 }]])('%j is not a list of names', (input) => {
    expect(NameListSchema.safeParse(input).success).toBe(false);
  });
});

describe('TextSchema and VariableNameSchema', () => {
  it('trims text and writes numbers out', () => {
    expect(TextSchema.parse('  x ')).toBe('x');
    expect(TextSchema.parse(3)).toBe('3');
    expect(TextSchema.safeParse('  ').success).toBe(false);
  });

  it.each(['A', '_a', 'db_url2'])('%j is a variable name', (name) => {
    expect(VariableNameSchema.parse(name)).toBe(name);
  });

  it.each(['1a', 'a-b', '', 'a b'])('%j is not a variable name', (name) => {
    expect(VariableNameSchema.safeParse(name).error?.issues[0]?.message).toBe(
      `expected a variable name ([A-Za-z_][A-Za-z0-9_]*), got ${JSON.stringify(name)}`,
    );
  });
});

describe('AttributesInputSchema', () => {
  it('normalises raw values into the re-parseable AttributesSchema form', () => {
    const raw = {
      name: ' x ',
      skip: 'yes',
      interactive: 'false',
      timeout: '1m30s',
      cwd: '/tmp',
      connection: 'main',
      readonly: true,
      destructive: 'false',
      expect: 'rows == 0',
      capture: 'COUNT',
      needs: 'a, b',
      tag: ['nightly'],
      check: 'api value < 1',
      lang: 'sql',
    };
    const normalised = AttributesInputSchema.parse(raw);
    expect(normalised).toEqual({
      name: 'x',
      skip: true,
      interactive: false,
      timeout: 90_000,
      cwd: '/tmp',
      connection: 'main',
      readonly: true,
      destructive: false,
      expect: ['rows == 0'],
      capture: 'COUNT',
      needs: ['a', 'b'],
      tag: ['nightly'],
      check: 'api value < 1',
      lang: 'sql',
    });
    expect(AttributesSchema.parse(normalised)).toEqual(normalised);
  });

  it('lists the known and the Runme keys', () => {
    expect(KNOWN_ATTRIBUTES).toEqual(['name', 'skip', 'interactive', 'timeout', 'cwd', 'connection', 'readonly', 'destructive', 'expect', 'capture', 'needs', 'tag', 'check', 'lang', 'placeholders']);
    expect(RUNME_ATTRIBUTES).toContain('excludeFromRunAll');
    expect(RUNME_ATTRIBUTES).toContain('closeTerminalOnSuccess');
  });
});
