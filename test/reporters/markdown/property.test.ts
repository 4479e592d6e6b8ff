import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlStatementResult } from '../../../src/model/events.js';
import { loadSqlParser, parseRunbookSync } from '../../../src/parser/index.js';
import { formatMarkdownReport, stripInsertedBlocks } from '../../../src/reporters/markdown/index.js';
import { buildTestRecord, type Scenario, type ScenarioAttempt } from './build-test-record.js';
import { describeInsertedBlocks, describeStructure } from './structure.js';

const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _$:'"*`|<>-]{0,16}$/);
const lang = fc.constantFrom('bash', 'sh', 'SQL', 'console', 'yaml', '', 'bash {name=x}', 'sql {"name":"y"}');
const codeLine = fc.oneof(word, fc.constantFrom('```', '~~~', '````', '', '    ', 'echo $HOME', 'SELECT 1;', '$ ls', '# Step 1: a', '<!-- litops:output report=deadbeef cell=x attempt=1 -->', '<!-- /litops:output report=deadbeef -->'));
/** A fence as lines, closed or not. */
const fence = fc.tuple(fc.constantFrom('```', '~~~', '````'), lang, fc.array(codeLine, { maxLength: 4 }), fc.boolean()).map(([marker, info, lines, close]) => [`${marker}${info}`, ...lines, ...(close ? [marker] : [])]);
/** Container openers; later lines continue them with `>` kept and everything else as spaces. */
const container = fc.constantFrom('', '  ', '1. ', '2.  ', '- ', '* ', '> ', '>', '1. > ', '> - ', '10) ', '-\t', '\t', '- - ');
const nested = fc.tuple(container, fence, fc.option(word)).map(([opener, lines, lazy]) => {
  const rest = opener.replace(/[^>\t]/g, ' ');
  return [...lines.map((line, index) => (index === 0 ? opener : rest) + line), ...(lazy === null ? [] : [rest + lazy])].join('\n');
});
const block = fc.oneof(
  { weight: 4, arbitrary: nested },
  word.map((w) => `# ${w}`),
  word.map((w) => `${w}\n---`),
  word,
  word.map((w) => `1. **${w}**`),
  word.map((w) => `- [ ] ${w}`),
  fc.constantFrom('## Success Criteria\n\n- it works', '<!-- litops: {"name":"n"} -->', '<!-- litops:header report=deadbeef -->', '<div>', '---', '***', '    indented code'),
);
const frontMatter = fc.constantFrom('', '---\ntitle: T\n---\n', '+++\ntitle = "T"\n+++\n', '---\n---\n', '---\nunclosed: true\n');
const document = fc
  .tuple(frontMatter, fc.array(fc.tuple(block, fc.constantFrom('\n', '\n\n')), { maxLength: 10 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), fc.boolean())
  .map(([front, blocks, eol, bom, finalEol]) => {
    let text = front + blocks.map(([b, gap]) => b + gap).join('');
    if (!finalEol) text = text.replace(/\n+$/, '');
    return (bom ? '\ufeff' : '') + text.replace(/\n/g, eol);
  });

const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('`', '~', '\n', '\r', '\r\n', '\u001b', '[', '2J', ']8;;', '\u0007', '<!-- /litops:output report=deadbeef -->', '|', '<script>', ' ', 'x', '\t', '\u202e'), maxLength: 30 }),
);
const sqlResult = fc.tuple(nasty, fc.array(fc.oneof(nasty, fc.constant(null), fc.integer()), { maxLength: 3 })).map(
  ([name, values]): SqlStatementResult => ({ index: 0, text: 'SELECT 1', line: 1, command: 'SELECT', rowCount: 1, columns: [{ name, type: 'text' }], rows: values.map((v) => [v]), truncated: false, notices: [], durationMs: 1, error: null }),
);
const attempt: fc.Arbitrary<ScenarioAttempt> = fc.record(
  { status: fc.constantFrom('passed', 'failed', 'timed-out'), stdout: nasty, stderr: nasty, editedSource: nasty, sql: fc.array(sqlResult, { maxLength: 2 }), unfinished: fc.boolean() },
  { requiredKeys: [] },
);
const plan = fc.oneof(fc.array(attempt, { minLength: 1, maxLength: 2 }), fc.record({ skip: fc.option(nasty) }), fc.constant('not-run' as const));

/**
 * micromark-extension-frontmatter#5: when a document opens with `---` or `+++`
 * that never closes, nothing interrupts a paragraph anywhere after (lists,
 * quotes), so the parser's view of such a runbook depends on it starting with
 * that line. The report puts its header first and is parsed as CommonMark says.
 */
const frontMatterParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']);

function startsWithUnclosedFrontMatter(text: string): boolean {
  const body = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  if (!/^(---|\+\+\+)[ \t]*(\n|$)/.test(body)) return false;
  const first = frontMatterParser.parse(body).children[0];
  return first?.type !== 'yaml' && first?.type !== 'toml';
}

describe('Markdown reports of random runbooks and runs', () => {
  beforeAll(() => loadSqlParser());

  it('strip back to the exact runbook, keep its cells and steps, and keep every block in its container', async () => {
    await fc.assert(
      fc.asyncProperty(document, fc.array(plan, { minLength: 1, maxLength: 6 }), async (text, plans) => {
        const bytes = new TextEncoder().encode(text);
        const { runbook } = parseRunbookSync(text);
        const cells: NonNullable<Scenario['cells']> = {};
        runbook.cells.filter((cell) => cell.executable).forEach((cell, index) => (cells[cell.id] = plans[index % plans.length]!));
        const record = await buildTestRecord(bytes, { cells });
        const report = formatMarkdownReport(record);
        expect(stripInsertedBlocks(report)).toBe(text);
        if (!startsWithUnclosedFrontMatter(text)) expect(describeStructure(parseRunbookSync(report).runbook)).toEqual(describeStructure(runbook));
        for (const found of describeInsertedBlocks(report)) expect(found).toMatchObject({ after: expect.stringMatching(/^(code|block)$/), closed: true });
      }),
      { numRuns: 150 },
    );
  });
});
