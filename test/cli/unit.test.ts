import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMANDS, PLANNED_COMMANDS } from '../../src/cli/command-table.js';
import { findInvalidUtf8, getLineAtOffset } from '../../src/cli/find-invalid-utf8.js';
import { parseCommandLine } from '../../src/cli/parse-command-line.js';
import { reportError } from '../../src/cli/report-error.js';
import { isColorEnabled } from '../../src/cli/style.js';
import { getEditDistance, suggestClosest } from '../../src/cli/suggest.js';
import { LitopsError, UsageError } from '../../src/model/errors.js';

const options = {
  out: { type: 'string', short: 'o', description: 'output' },
  set: { type: 'string', multiple: true, description: 'variables' },
  json: { type: 'boolean', description: 'json' },
} as const;

function captureUsageError(args: string[]): string {
  try {
    parseCommandLine(args, options, 'litops x --help');
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error(`no error for ${JSON.stringify(args)}`);
}

describe('parseCommandLine', () => {
  it('parses options and positionals', () => {
    expect(parseCommandLine(['a', '--out', 'f', '--set', 'A=1', '--set=B=2', '--json', '--', '--b'], options, 'h')).toEqual({
      values: { out: 'f', set: ['A=1', 'B=2'], json: true },
      positionals: ['a', '--b'],
    });
  });

  it('says which option lacks a value', () => {
    expect(captureUsageError(['--out'])).toBe('option --out needs a value; see litops x --help');
    expect(captureUsageError(['-o'])).toBe('option -o needs a value; see litops x --help');
    expect(captureUsageError(['--out', '--json'])).toBe(
      'option --out needs a value (to give "--json" as its value, write --out=--json); see litops x --help',
    );
  });

  it('names unknown options and flags given values', () => {
    expect(captureUsageError(['--nope'])).toBe('unknown option --nope; see litops x --help');
    expect(captureUsageError(['--jsno'])).toBe('unknown option --jsno (did you mean --json?); see litops x --help');
    expect(captureUsageError(['--json=1'])).toBe('option --json takes no value; see litops x --help');
  });
});

describe('reportError', () => {
  function report(error: unknown, env: Record<string, string> = {}): { code: number; text: string } {
    let text = '';
    const code = reportError(error, { write: (chunk: string) => (text += chunk) }, env);
    return { code, text };
  }

  it('prints a known error as one line with its exit code', () => {
    expect(report(new UsageError('bad thing'))).toEqual({ code: 2, text: 'litops: bad thing\n' });
    expect(report(new LitopsError('x', 'two\nlines', { exitCode: 4 }))).toEqual({ code: 4, text: 'litops: two lines\n' });
  });

  it('adds the stack of a known error with LITOPS_DEBUG=1', () => {
    const { text } = report(new UsageError('bad', { cause: new Error('root cause') }), { LITOPS_DEBUG: '1' });
    expect(text).toMatch(/^litops: bad\nUsageError: bad\n\s+at .*[\s\S]*Caused by: Error: root cause/);
  });

  it('prints the stack of an unknown error, exit 1', () => {
    const { code, text } = report(new TypeError('oops'));
    expect(code).toBe(1);
    expect(text).toMatch(/^litops: unexpected error .*\nTypeError: oops\n\s+at /);
    expect(report('a string').text).toMatch(/\na string\n$/);
  });
});

describe('isColorEnabled', () => {
  it.each([
    [{ isTTY: true }, {}, true],
    [{ isTTY: false }, {}, false],
    [{}, {}, false],
    [{ isTTY: true }, { NO_COLOR: '1' }, false],
    [{ isTTY: true }, { NO_COLOR: '' }, true],
    [{ isTTY: true }, { TERM: 'dumb' }, false],
    [{ isTTY: false }, { FORCE_COLOR: '1' }, true],
    [{ isTTY: true }, { FORCE_COLOR: '0' }, false],
    [{ isTTY: false }, { FORCE_COLOR: '1', NO_COLOR: 'x' }, false],
  ])('%j with %j -> %s', (stream, env, expected) => {
    expect(isColorEnabled({ write: () => true, ...stream }, env)).toBe(expected);
  });
});

describe('suggestClosest', () => {
  it('suggests within two edits, ignoring case', () => {
    expect(getEditDistance('kitten', 'sitting')).toBe(3);
    expect(suggestClosest('INSPECT', ['inspect'])).toBe('inspect');
    expect(suggestClosest('inspcet', ['inspect', 'verify'])).toBe('inspect');
    expect(suggestClosest('deploy', ['inspect', 'verify'])).toBeUndefined();
  });
});

describe('findInvalidUtf8', () => {
  it('finds the first ill-formed sequence', () => {
    const at = (...bytes: number[]) => findInvalidUtf8(Uint8Array.from(bytes));
    expect(at(0x61, 0xc3, 0xa9)).toBe(-1);
    expect(at(0xef, 0xbb, 0xbf, 0x61)).toBe(-1);
    expect(at(0x61, 0xe9, 0x74)).toBe(1); // Latin-1 é
    expect(at(0x61, 0xc0, 0x80)).toBe(1); // overlong NUL
    expect(at(0xed, 0xa0, 0x80)).toBe(0); // UTF-16 surrogate
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(0); // past U+10FFFF
    expect(at(0x61, 0x62, 0xe2, 0x82)).toBe(2); // truncated at the end
    expect(at(0x80)).toBe(0); // lone continuation byte
  });

  it('agrees with the fatal TextDecoder on any bytes', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const isValid = (bytes: Uint8Array) => {
      try {
        decoder.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    const texts = fc.string({ unit: 'binary' }).map((text) => new TextEncoder().encode(text));
    const noisy = fc.tuple(texts, fc.uint8Array({ maxLength: 4 }), texts).map(([a, b, c]) => Uint8Array.from([...a, ...b, ...c]));
    fc.assert(
      fc.property(fc.oneof(noisy, fc.uint8Array({ maxLength: 12 })), (bytes) => {
        const offset = findInvalidUtf8(bytes);
        expect(offset === -1).toBe(isValid(bytes));
        if (offset !== -1) expect(isValid(bytes.subarray(0, offset))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('counts lines by LF', () => {
    const bytes = new TextEncoder().encode('a\r\nb\nc');
    expect([0, 3, 5, 6].map((offset) => getLineAtOffset(bytes, offset))).toEqual([1, 2, 3, 3]);
  });
});

describe('the command table', () => {
  it('declares each command once, with a handler module that has run()', async () => {
    const names = COMMANDS.map((command) => command.name);
    expect(new Set(names).size).toBe(names.length);
    for (const command of COMMANDS) {
      expect(PLANNED_COMMANDS).not.toContain(command.name);
      expect(command.options.help).toBeUndefined();
      expect(Object.values(command.options).map((option) => option.short)).not.toContain('h');
      expect(typeof (await command.load()).run).toBe('function');
    }
  });
});
