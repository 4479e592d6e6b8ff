import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getLines, ROOT, runLitops } from './run-litops.js';
import { COMMANDS } from '../../src/cli/command-table.js';

const version = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version;

describe('litops --help', () => {
  it.each([['--help'], ['-h'], [], ['help']])('prints usage, commands, exit codes and environment for %j', async (...args) => {
    const result = await runLitops(args);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage:$/m);
    expect(result.stdout).toMatch(/^ {2}litops inspect FILE \[--json\] {2}/m);
    for (const code of [0, 1, 2, 3, 4, 130]) expect(result.stdout).toMatch(new RegExp(`^ {2}${code} +\\S`, 'm'));
    expect(result.stdout).toContain('NO_COLOR');
  });

  it('lists only the commands that exist', async () => {
    const { stdout } = await runLitops(['--help']);
    const commands = stdout.split('\n\n').find((section) => section.startsWith('Commands:'));
    expect(getLines(commands ?? '').slice(1).map((line) => line.trim().split(' ')[1])).toEqual(['inspect', 'run', 'resume', 'replay', 'verify', 'report', 'keygen']);
  });
});

describe('litops COMMAND --help', () => {
  it.each([['inspect', '--help'], ['inspect', '-h'], ['help', 'inspect'], ['--help', 'inspect'], ['inspect', 'x.md', '--help']])(
    'prints the usage, options, examples and exit codes of inspect for %j',
    async (...args) => {
      const result = await runLitops(args);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^Usage: litops inspect FILE \[--json\]$/m);
      expect(result.stdout).toMatch(/^ {2}--json +print the step graph as JSON.*\(default: off\)$/m);
      expect(result.stdout).toMatch(/^Examples:\n {2}litops inspect /m);
      expect(result.stdout).toMatch(/^Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 .*unreadable|not readable/m);
    },
  );

  it('names an unknown command given to help', async () => {
    const result = await runLitops(['help', 'nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("litops: unknown command 'nope'; see litops --help\n");
  });
});

describe('litops --version', () => {
  it.each([['--version'], ['-V']])('prints the version of package.json for %s', async (flag) => {
    const result = await runLitops([flag]);
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });
});

describe('colour', () => {
  it('is off when output is not a terminal', async () => {
    const { stdout } = await runLitops(['--help'], { env: { NO_COLOR: undefined } });
    expect(stdout).not.toContain('\u001b[');
  });

  it('is on with FORCE_COLOR, and NO_COLOR wins over it', async () => {
    const forced = await runLitops(['--help'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[1mUsage:\u001b[22m');
    const both = await runLitops(['--help'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(both.stdout).not.toContain('\u001b[');
  });
});

describe('option help', () => {
  it.each(COMMANDS.map((command) => command.name))('%s --help says "repeatable" once per option, only where help adds it', async (name) => {
    const { stdout, code } = await runLitops([name, '--help']);
    expect(code).toBe(0);
    for (const line of getLines(stdout)) expect(line.match(/repeatable/g)?.length ?? 0, line).toBeLessThanOrEqual(1);
    for (const line of getLines(stdout).filter((l) => l.includes('repeatable'))) expect(line).toMatch(/\(repeatable(; default: [^)]*)?\)$/);
  });
});

