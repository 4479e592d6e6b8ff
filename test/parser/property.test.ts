import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { visit } from 'unist-util-visit';
import type { Code } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser, parseRunbookSync } from '../../src/parser/index.js';

/** The oracle: fenced blocks as CommonMark (remark) sees them, told from indented code by their first characters. */
function fencedBlockLines(text: string): number[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).parse(body);
  const lines: number[] = [];
  visit(tree, 'code', (node: Code) => {
    if (/^(`{3,}|~{3,})/.test(body.slice(node.position!.start.offset))) lines.push(node.position!.start.line);
  });
  return lines.sort((a, b) => a - b);
}

const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _$:'"-]{0,20}$/);
const lang = fc.constantFrom('bash', 'sh', 'SQL', 'psql', 'console', 'ShellSession', 'yaml', 'shel', '', 'go', 'bash {name=x}', 'sql {"name":"y"}', 'sh { expect="exit == 0" }');
const body = fc.array(fc.oneof(word, fc.constantFrom('rm -rf /tmp/x', 'DROP TABLE t;', 'SELECT :name;', 'echo $HOME', '# Step 1: a', '# Step 2: b', '$ ls', 'x=$(date)', '```', '~~~', "echo 'unclosed")), { maxLength: 5 }).map((lines) => lines.join('\n'));
const fence = fc.tuple(fc.constantFrom('```', '~~~', '````'), lang, body, fc.boolean()).map(([marker, info, text, close]) => `${marker}${info}\n${text}\n${close ? marker : ''}`);
const block = fc.oneof(
  word.map((w) => `# ${w}`),
  word.map((w) => `### ${w}`),
  word.map((w) => `${w}\n===`),
  word,
  fence,
  fence.map((f) => f.split('\n').map((l) => `   ${l}`).join('\n')).map((f) => `1. **Step**\n${f}`),
  fence.map((f) => f.split('\n').map((l) => `> ${l}`).join('\n')),
  fence.map((f) => f.split('\n').map((l) => `    ${l}`).join('\n')),
  word.map((w) => `- [ ] ${w}`),
  word.map((w) => `- ${w} <!-- litops: {"check":"x value < 1"} -->`),
  fc.constantFrom('<!-- litops: {"name":"n","needs":"n"} -->', '<!-- litops: {bad json -->', '## Success Criteria', '## Rollback', '#### Prerequisites', '**Owner**: me', '---\ntitle: x\n---', '+++\ntitle = 1\n+++', ':::tip', '!!! note', '{{< highlight bash >}}', '{% highlight sql %}'),
);
const document = fc.array(block, { maxLength: 14 }).map((blocks) => blocks.join('\n\n'));
/** Random edits of a document: inserted, deleted or replaced characters, CRLF, a BOM. */
const mutated = fc.tuple(document, fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '`', '~', '\n', '\r\n', '\t', ' ', '>', '-', '$', '\u0000', '\uFEFF', 'é', '<!--')), { maxLength: 6 })).map(([text, edits]) => {
  let out = text;
  for (const [at, insert] of edits) {
    const i = out.length ? at % out.length : 0;
    out = out.slice(0, i) + insert + out.slice(i + (insert === '' ? 1 : 0));
  }
  return out;
});

describe('parseRunbook on random and mutated Markdown', () => {
  beforeAll(() => loadSqlParser());

  it('never throws, and every fenced block is exactly one cell or one group of parts', () => {
    fc.assert(
      fc.property(fc.oneof(document, mutated, fc.string({ maxLength: 300 })), (text) => {
        const { runbook } = parseRunbookSync(text);
        const expected = fencedBlockLines(text);
        const cellLines = runbook.cells.map((cell) => cell.line);
        expect([...new Set(cellLines)].sort((a, b) => a - b)).toEqual([...new Set(expected)]);
        expect(new Set(expected).size).toBe(expected.length);
        for (const line of new Set(cellLines)) {
          const atLine = runbook.cells.filter((cell) => cell.line === line);
          if (atLine.length > 1) {
            expect(new Set(atLine.map((cell) => cell.part?.group)).size).toBe(1);
            expect(atLine.every((cell) => cell.part !== null)).toBe(true);
          }
        }
        for (const diagnostic of runbook.diagnostics) {
          expect(diagnostic.line).toBeGreaterThanOrEqual(1);
          expect(diagnostic.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 400 },
    );
  });
});
