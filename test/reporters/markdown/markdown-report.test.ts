import { createHash } from 'node:crypto';
import type { Code } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { formatMarkdownReport, stripInsertedBlocks } from '../../../src/reporters/markdown/index.js';
import { buildTestRecord, type Scenario } from './build-test-record.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const report = async (text: string, scenario: Scenario = {}): Promise<string> => formatMarkdownReport(await buildTestRecord(encode(text), scenario));
const codeValues = (markdown: string): string[] => {
  const values: string[] = [];
  visit(unified().use(remarkParse).parse(markdown), 'code', (node: Code) => void values.push(node.value));
  return values;
};

describe('formatMarkdownReport', () => {
  it('keeps output in a fence longer than any backtick run in it, so nothing breaks out', async () => {
    const stdout = '```` four ````\n```bash\nrm -rf /\n```\n';
    const md = await report('# T\n\n```bash {name=x}\necho\n```\n', { cells: { x: [{ stdout }] } });
    expect(md).toContain('`````text\n```` four ````\n```bash\nrm -rf /\n```\n`````\n');
    expect(codeValues(md)).toContain(stdout.replace(/\n$/, ''));
  });

  it('indents a block to the content column of the list item that holds the fence', async () => {
    const md = await report('1. **Step**\n   ```bash {name=x}\n   echo\n   ```\n2. **Next**\n', { cells: { x: [{ stdout: 'a\n\nb\n' }] } });
    const lines = md.split('\n');
    const start = lines.findIndex((line) => line.includes('<!-- litops:output'));
    const end = lines.findIndex((line) => line.includes('<!-- /litops:output'));
    expect(lines.slice(start, end + 1).every((line) => line === '' || line.startsWith('   '))).toBe(true);
    expect(lines[end + 1]).toBe('2. **Next**');
  });

  it('writes inserted lines with the runbook’s CRLF endings and keeps the BOM first', async () => {
    const md = await report('\ufeff# T\r\n\r\n```bash {name=x}\r\necho\r\n```\r\n', { cells: { x: [{ stdout: 'one\ntwo\r\n' }] } });
    expect(md.startsWith('\ufeff<!-- litops:header ')).toBe(true);
    expect(md.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('drops colours and shows every other escape sequence inert', async () => {
    const md = await report('```bash {name=x}\necho\n```\n', { cells: { x: [{ stdout: '\u001b[31mred\u001b[0m \u001b[2J\u001b]0;title\u0007 \u001b]8;;http://x\u001b\\link\r\n' }] } });
    expect(md).toContain('red ␛[2J␛]0;title␇ ␛]8;;http://x␛\\link\n');
    expect(md).not.toMatch(/[\u001b\u0007]/);
  });

  it('notes a skipped cell with its reason, and shows an edit as a diff against the runbook', async () => {
    const text = '# T\n\n```bash {name=a}\necho a\n```\n\n```bash {name=b}\necho b\necho c\n```\n';
    const md = await report(text, { cells: { a: { skip: 'not needed | today' }, b: [{ editedSource: 'echo b\necho C' }] } });
    expect(md).toContain('⏭️ **skipped** · `a` · by operator · 2024-05-01T10:00:01.000Z: not needed \\| today');
    expect(md).toContain('```diff\n  echo b\n- echo c\n+ echo C\n```');
  });

  it('shows SQL results as tables, escaping | and telling NULL from "NULL"', async () => {
    const sql = [{ index: 0, text: 'SELECT a, b FROM t', line: 1, command: 'SELECT', rowCount: 2, columns: [{ name: 'a|b', type: 'text' }, { name: 'b', type: 'text' }], rows: [['x | y', null], ['NULL', 1]], truncated: false, notices: [], durationMs: 2, error: null }];
    const md = await report('```sql {name=q}\nSELECT a, b FROM t\n```\n', { cells: { q: [{ sql }] } });
    expect(md).toContain('| a\\|b | b |\n| --- | --- |\n| x \\| y | *NULL* |\n| NULL | 1 |\n<!-- /litops:output');
  });

  it('closes an unclosed fence before its block, and stripping takes that fence away again', async () => {
    const text = '# T\n\n```bash {name=x}\necho';
    const md = await report(text);
    expect(md).toMatch(/^```bash \{name=x\}\necho\n```\n<!-- litops:output report=[0-9a-f]{8} cell=x attempt=1 closes-fence -->$/m);
    expect(stripInsertedBlocks(md)).toBe(text);
  });

  it('picks a marker nonce that nothing in the runbook or the output contains', async () => {
    const text = '```bash {name=x}\necho\n```\n';
    const usual = createHash('sha256').update(text).digest('hex').slice(0, 8);
    const md = await report(text, { cells: { x: [{ stdout: `<!-- /litops:output report=${usual} -->\n` }] } });
    expect(md).not.toContain(`<!-- litops:header report=${usual} `);
    expect(stripInsertedBlocks(md)).toBe(text);
  });
});

describe('stripInsertedBlocks', () => {
  it('leaves Markdown that is not a report as it is, litops-looking comments included', () => {
    const text = '# T\n\n<!-- litops:output report=deadbeef cell=x attempt=1 -->\n';
    expect(stripInsertedBlocks(text)).toBe(text);
  });

  it('refuses a report whose block was cut off', async () => {
    const md = await report('```bash {name=x}\necho\n```\n');
    expect(() => stripInsertedBlocks(md.replace(/<!-- \/litops:output [^\n]*\n/, ''))).toThrow(/no end marker|unexpected marker/);
  });
});
