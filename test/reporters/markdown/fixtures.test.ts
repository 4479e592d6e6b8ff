import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMarkdownReport } from '../../../src/reporters/markdown/index.js';
import { listCases, loadCase, maskReport, readExpected } from './report-fixtures.js';

describe('fixtures/reports: report.md (UPDATE=1 rewrites)', () => {
  it.each(listCases('reports'))('%s', async (name) => {
    const { dir, record } = await loadCase('reports', name);
    const masked = maskReport(formatMarkdownReport(record), record);
    expect(masked).toBe(readExpected(join(dir, 'report.md'), masked));
  });
});
