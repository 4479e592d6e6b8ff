import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyzeShell } from '../../../src/parser/shell/index.js';
import { parseShell, toLocatedError } from '../../../src/parser/shell/syntax.js';

describe('sources that do not parse', () => {
  test.each([
    ['unclosed double quote', 'echo "unterminated', { message: 'reached EOF without closing quote "', line: 1, column: 6 }],
    ['unclosed if', 'echo ok\nif true; then\n  ls', { message: 'if statement must end with "fi"', line: 2, column: 1 }],
    ['stray closing brace', 'ls\n}', { message: '"}" can only be used to close a block', line: 2, column: 1 }],
    ['function call syntax', 'foo(1, 2)', { message: '"foo(" must be followed by )', line: 1, column: 1 }],
    ['unclosed here-document', 'cat <<EOF\nabc', { message: "unclosed here-document 'EOF'", line: 1, column: 5 }],
  ])('%s: located error', (_, source, error) => {
    expect(analyzeShell(source).error).toEqual(error);
  });

  test('error columns count characters', () => {
    expect(analyzeShell('echo "✅ ok" "oops').error).toMatchObject({ line: 1, column: 13 });
  });

  test('the lines around a broken one are still analyzed', () => {
    const analysis = analyzeShell(['A=1', 'rm -rf "$DIR"', 'if then', 'psql -c "SELECT $A"', 'echo "$B"'].join('\n'));
    expect(analysis.error).toMatchObject({ line: 3 });
    expect(analysis.commands.map((command) => command.name)).toEqual(['rm', 'psql', 'echo']);
    expect(analysis.destructive.map((reason) => `${reason.rule}@${reason.line}`)).toEqual(['rm-recursive@2']);
    expect(analysis.freeReads.map((read) => `${read.name}@${read.line}`)).toEqual(['DIR@2', 'B@5']);
    expect(analysis.embeddedSql).toMatchObject([{ sql: 'SELECT $A', line: 4, dynamic: true }]);
  });

  test('configuration pasted into a bash block (seed 001, PM2 ecosystem)', () => {
    const source = [
      '# ecosystem.config.js',
      'module.exports = {',
      '  apps: [{',
      "    name: 'sequencer',",
      '    instances: 2,',
      '  }, {',
      "    name: 'prover',",
      '  }]',
      '}',
      '',
      '# Deploy',
      'pm2 start ecosystem.config.js',
      'pm2 save',
    ].join('\n');
    const analysis = analyzeShell(source);
    expect(analysis.error).toEqual({ message: '"}" can only be used to close a block', line: 9, column: 1 });
    expect(analysis.commands.filter((command) => command.name === 'pm2').map((command) => `${command.args.join(' ')}@${command.line}`)).toEqual([
      'start ecosystem.config.js@12',
      'save@13',
    ]);
  });

  test('nothing parses: empty lists and the error', () => {
    expect(analyzeShell('"')).toEqual({
      reads: [],
      freeReads: [],
      sets: [],
      functions: [],
      commands: [],
      destructive: [],
      blocking: [],
      embeddedSql: [],
      error: { message: 'reached EOF without closing quote "', line: 1, column: 1 },
    });
  });

  test('empty and blank sources are fine', () => {
    for (const source of ['', '\n\n', '   # only a comment']) {
      expect(analyzeShell(source)).toMatchObject({ commands: [], reads: [] });
      expect(analyzeShell(source).error).toBeUndefined();
    }
  });

  test('CRLF line endings parse like LF', () => {
    const analysis = analyzeShell('A=1\r\necho "$A" $B\r\n');
    expect(analysis.error).toBeUndefined();
    expect(analysis.freeReads).toMatchObject([{ name: 'B', line: 2, column: 11 }]);
  });

  test('never throws, whatever the input; positions stay 1-based', () => {
    const alphabet = fc.constantFrom(...'ab$ {}()[]<>|&;"\'`\\#=\n\t-*?!:%+0é'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((chars) => chars.join('')), (source) => {
        const analysis = analyzeShell(source);
        const points: { line: number; column: number }[] = [...analysis.reads, ...analysis.sets, ...analysis.commands, ...analysis.destructive, ...analysis.embeddedSql];
        if (analysis.error) points.push(analysis.error);
        return points.every((point) => point.line >= 1 && point.column >= 1);
      }),
      { numRuns: 300 },
    );
  });
});

describe('toLocatedError', () => {
  test('a Go parse error object', () => {
    const parsed = parseShell('echo ok\necho "x');
    expect(parsed.error).toEqual({ message: 'reached EOF without closing quote "', line: 2, column: 6 });
  });

  test.each([
    ['a string', 'boom', { message: 'boom', line: 1, column: 1 }],
    ['an Error', new Error('bad'), { message: 'bad', line: 1, column: 1 }],
    ['null', null, { message: 'null', line: 1, column: 1 }],
    ['an object with Error()', { Error: () => '3:4: weird' }, { message: 'weird', line: 1, column: 1 }],
  ])('anything else thrown: %s', (_, thrown, expected) => {
    expect(toLocatedError(thrown, 'x')).toEqual(expected);
  });
});
