import { describe, expect, it } from 'vitest';
import { parseRunbookSync } from '../../../src/parser/index.js';
import { formatMarkdownReport, stripInsertedBlocks } from '../../../src/reporters/markdown/index.js';
import { listCases, loadCase } from './report-fixtures.js';
import { describeInsertedBlocks, describeStructure } from './structure.js';

const folders = ['reports', 'parser', 'seeds'];

describe.each(folders)('Markdown reports of fixtures/%s', (folder) => {
  it.each(listCases(folder))('%s: stripping the inserted blocks gives back the exact bytes', async (name) => {
    const { bytes, record } = await loadCase(folder, name);
    const report = formatMarkdownReport(record);
    expect(report).not.toBe(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
    expect(Buffer.from(new TextEncoder().encode(stripInsertedBlocks(report))).equals(Buffer.from(bytes))).toBe(true);
  });

  it.each(listCases(folder))('%s: the report parses to the same cells and steps, each block right after its fence', async (name) => {
    const { bytes, record } = await loadCase(folder, name);
    const report = formatMarkdownReport(record);
    const original = parseRunbookSync(new TextDecoder().decode(bytes)).runbook;
    expect(describeStructure(parseRunbookSync(report).runbook)).toEqual(describeStructure(original));
    const blocks = describeInsertedBlocks(report);
    expect(blocks.length).toBe(record.cells.reduce((sum, cell) => sum + cell.attempts.length, 0) + record.cells.filter((cell) => cell.status === 'skipped' || cell.status === 'not-run' || cell.decisions.length > 0).length);
    for (const block of blocks) expect(block).toMatchObject({ after: expect.stringMatching(/^(code|block)$/), closed: true });
  });
});
