import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_UNATTENDED_TIMEOUT_MS, getCellTimeout, hasOwnTimeout, resolveRunTimeout } from '../../../src/executor/index.js';
import { loadSqlParser, parseRunbookSync } from '../../../src/parser/index.js';

const parse = (frontMatter: string, attributes = '') =>
  parseRunbookSync(`${frontMatter ? `---\n${frontMatter}\n---\n` : ''}# T\n\n\`\`\`bash {name=c${attributes}}\necho hi\n\`\`\`\n`, { path: 't.md' }).runbook;

beforeAll(() => loadSqlParser());

describe('resolveRunTimeout', () => {
  it('unattended: 30 minutes when nothing sets one', () => {
    expect(DEFAULT_UNATTENDED_TIMEOUT_MS).toBe(30 * 60 * 1000);
    expect(resolveRunTimeout(parse(''), null, 'ci')).toEqual({ ms: 1_800_000, source: 'default' });
  });

  it('the terminal UI: none (the operator has Ctrl-C)', () => {
    expect(resolveRunTimeout(parse(''), null, 'interactive')).toEqual({ ms: null, source: 'none' });
  });

  it('--timeout, else the default; the front matter wins over --timeout (the more specific wins)', () => {
    expect(resolveRunTimeout(parse(''), 1000, 'ci')).toEqual({ ms: 1000, source: '--timeout' });
    expect(resolveRunTimeout(parse(''), 1000, 'interactive')).toEqual({ ms: 1000, source: '--timeout' });
    expect(resolveRunTimeout(parse('timeout: 5m'), 1000, 'ci')).toEqual({ ms: 300_000, source: 'front-matter' });
    expect(resolveRunTimeout(parse('timeout: 5m'), null, 'interactive')).toEqual({ ms: 300_000, source: 'front-matter' });
  });

  it('a front matter timeout of 0 means none', () => {
    expect(resolveRunTimeout(parse('timeout: 0'), 1000, 'ci')).toEqual({ ms: null, source: 'none' });
  });
});

describe('getCellTimeout and hasOwnTimeout', () => {
  it("a cell's own timeout wins; 0 is none; else the run's", () => {
    const run = { ms: 1_800_000, source: 'default' } as const;
    const own = parse('', ' timeout=2s').cells[0]!;
    const zero = parse('', ' timeout=0').cells[0]!;
    const plain = parse('').cells[0]!;
    expect([getCellTimeout(own, run), getCellTimeout(zero, run), getCellTimeout(plain, run)]).toEqual([2000, null, 1_800_000]);
    expect([hasOwnTimeout(own), hasOwnTimeout(zero), hasOwnTimeout(plain)]).toEqual([true, false, false]);
  });
});
