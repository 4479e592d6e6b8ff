import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEnvFile } from '../../../src/executor/inputs/index.js';

const parse = (text: string) => parseEnvFile(text, '.env');

describe('parseEnvFile', () => {
  it('reads KEY=VALUE and export KEY=VALUE lines, skipping comments and blank lines', () => {
    const text = ['# database', '', 'DB_HOST=db1', 'export DB_PORT=5432', '   # indented comment', '\t', '  SPACED = around  ', 'export\tTABBED=1'].join('\n');
    expect(parse(text)).toEqual({ values: { DB_HOST: 'db1', DB_PORT: '5432', SPACED: 'around', TABBED: '1' }, errors: [] });
  });

  it('keeps single-quoted values literal', () => {
    expect(parse(`A='a\\nb $HOME "q" # not a comment'`).values).toEqual({ A: 'a\\nb $HOME "q" # not a comment' });
  });

  it('reads escapes in double-quoted values: \\n \\" \\\\ (and \\r \\t); other backslashes stay', () => {
    expect(parse('A="line1\\nline2 \\"q\\" back\\\\slash \\t\\r \\$X \\d"').values).toEqual({ A: 'line1\nline2 "q" back\\slash \t\r \\$X \\d' });
  });

  it('reads multi-line quoted values and counts lines after them', () => {
    const text = ['KEY="-----BEGIN KEY-----', 'abc\\"def', '-----END KEY-----"', "LIT='one", "two'", 'oops'].join('\n');
    expect(parse(text)).toEqual({
      values: { KEY: '-----BEGIN KEY-----\nabc"def\n-----END KEY-----', LIT: 'one\ntwo' },
      errors: ['.env:6: expected NAME=VALUE or a # comment, got a line without "=" (not shown: it may be a secret)'],
    });
  });

  it('ends an unquoted value at a # that follows whitespace, and trims it', () => {
    expect(parse(['A=value # comment', 'B=a#b', 'C=#x', 'D= # only a comment', 'E=x\t# tab comment', 'F=  padded  ', 'G='].join('\n')).values).toEqual({
      A: 'value',
      B: 'a#b',
      C: '#x',
      D: '',
      E: 'x',
      F: 'padded',
      G: '',
    });
  });

  it('allows a comment after a quoted value', () => {
    expect(parse(`A="x y" # comment\nB='z'   #c\nC="#"`).values).toEqual({ A: 'x y', B: 'z', C: '#' });
  });

  it('reads CRLF files, a BOM, "=" in values, and lets a later line win', () => {
    const text = '\uFEFFA=1\r\nURL=postgres://u@h/db?x=1\r\nM="a\r\nb"\r\nA=2\r\n';
    expect(parse(text)).toEqual({ values: { A: '2', URL: 'postgres://u@h/db?x=1', M: 'a\nb' }, errors: [] });
  });

  it('gives nothing for an empty file', () => {
    expect(parse('')).toEqual({ values: {}, errors: [] });
    expect(parse('\n\n# c\n')).toEqual({ values: {}, errors: [] });
  });

  it('reports each bad line as path:line: message, keeps the good ones, and never shows values', () => {
    const text = [
      'GOOD=1',
      'hunter2',
      'bad-name=hunter2',
      '=hunter2',
      'export ONLY_NAME',
      'Q="hunter2" trailing',
      "S='hunter2'x",
      '1X=2',
      'LAST=ok',
    ].join('\n');
    const { values, errors } = parseEnvFile(text, 'conf/prod.env');
    expect(values).toEqual({ GOOD: '1', LAST: 'ok' });
    expect(errors).toEqual([
      'conf/prod.env:2: expected NAME=VALUE or a # comment, got a line without "=" (not shown: it may be a secret)',
      'conf/prod.env:3: "bad-name" is not a variable name (letters, digits and _, not starting with a digit)',
      'conf/prod.env:4: expected NAME=VALUE, but the name before "=" is empty',
      'conf/prod.env:5: expected NAME=VALUE, got "export ONLY_NAME" without a value (write ONLY_NAME=VALUE)',
      'conf/prod.env:6: unexpected text after the closing " (quote the whole value, or start a comment with " #")',
      "conf/prod.env:7: unexpected text after the closing ' (quote the whole value, or start a comment with \" #\")",
      'conf/prod.env:8: "1X" is not a variable name (letters, digits and _, not starting with a digit)',
    ]);
    for (const error of errors) expect(error).not.toContain('hunter2');
  });

  it('reports an unterminated quote at the line that opens it, and stops there', () => {
    expect(parse('A=1\nB="open\nC=2\n')).toEqual({
      values: { A: '1' },
      errors: ['.env:2: unterminated double-quoted value: no closing " before the end of the file'],
    });
    expect(parse("X='open").errors).toEqual([".env:1: unterminated single-quoted value: no closing ' before the end of the file"]);
  });

  it('skips the lines of a multi-line value whose name is bad', () => {
    expect(parse('bad.name="a\nb=c"\nOK=1')).toEqual({
      values: { OK: '1' },
      errors: ['.env:1: "bad.name" is not a variable name (letters, digits and _, not starting with a digit)'],
    });
  });

  const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/);
  const value = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '#', '=', "'", '"', '\\', '\n', '\r', '\t', '$', 'é', '😀'), maxLength: 12 });

  it('reads back any values written double-quoted with escapes (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(name, value), fc.boolean(), fc.boolean(), (values, crlf, rawNewlines) => {
        const escape = (text: string): string =>
          text.replace(/[\\"\r\t]/g, (char) => ({ '\\': '\\\\', '"': '\\"', '\r': '\\r', '\t': '\\t' })[char] ?? char).replace(/\n/g, rawNewlines ? '\n' : '\\n');
        const lines = Object.entries(values).map(([key, text]) => `${key}="${escape(text)}"`);
        const text = lines.join('\n').replace(/\n/g, crlf ? '\r\n' : '\n');
        const result = parse(text);
        expect(result.errors).toEqual([]);
        expect(result.values).toEqual(values);
      }),
      { numRuns: 300 },
    );
  });

  it('reads back single-quoted values that hold no quote (property)', () => {
    const literal = value.filter((text) => !text.includes("'") && !text.includes('\r'));
    fc.assert(
      fc.property(fc.dictionary(name, literal), (values) => {
        const text = Object.entries(values).map(([key, text]) => `export ${key}='${text}' # note`).join('\n');
        expect(parse(text)).toEqual({ values, errors: [] });
      }),
      { numRuns: 300 },
    );
  });
});
