import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser, parseRunbookSync } from '../../src/parser/index.js';

describe('fence attributes are read as written', () => {
  beforeAll(() => loadSqlParser());

  it('keeps backslash-escaped quotes in a spaced attribute (CommonMark would unescape the info string)', () => {
    const text = '# T\n\n```bash {name=greet expect="stdout contains \\"a b\\""}\necho "a b"\n```\n';
    const { runbook } = parseRunbookSync(text);
    const cell = runbook.cells[0]!;
    expect(cell.id).toBe('greet');
    expect(cell.attributes.expect).toEqual(['stdout contains "a b"']);
    expect(runbook.diagnostics).toEqual([]);
  });

  it('locates a problem in the meta at its column on the fence line', () => {
    const { runbook } = parseRunbookSync('# T\n\n   ```bash {nmae=x}\n   echo\n   ```\n');
    expect(runbook.diagnostics).toEqual([expect.objectContaining({ rule: 'unknown-attribute', line: 3, column: 13 })]);
  });
});
