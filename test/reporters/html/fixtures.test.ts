import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatHtmlReport } from '../../../src/reporters/html/index.js';
import { listCases, loadCase, maskReport, readExpected } from '../markdown/report-fixtures.js';

describe('fixtures/reports: report.html (UPDATE=1 rewrites)', () => {
  it.each(listCases('reports'))('%s', async (name) => {
    const { dir, record } = await loadCase('reports', name);
    const masked = maskReport(formatHtmlReport(record), record);
    expect(masked).toBe(readExpected(join(dir, 'report.html'), masked));
  });
});
