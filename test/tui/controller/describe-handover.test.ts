import { describe, expect, it } from 'vitest';
import { describeHandover } from '../../../src/tui/controller/describe-handover.js';
import { parseRunbookSync } from '../../../src/parser/index.js';

const cellOf = (attributes: string, body: string) => parseRunbookSync(`# T\n\n\`\`\`bash {${attributes}}\n${body}\n\`\`\`\n`, { path: 't.md' }).runbook.cells[0]!;

describe('describeHandover', () => {
  it('says why the cell never ends by itself and how to leave it', () => {
    const cell = cellOf('name=follow', 'tail -f /var/log/syslog');
    expect(describeHandover(cell, null)).toBe(`⏸ follow is blocking: ${cell.blockingReasons[0]!.reason}\n  Ctrl-C ends it, and the run goes on`);
    expect(describeHandover(cell, null)).toMatch(/^⏸ follow is blocking: tail -f .*\n {2}Ctrl-C ends it, and the run goes on$/);
    for (const line of describeHandover(cell, null).split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it('names the timeout that ends it too, when one bounds it', () => {
    expect(describeHandover(cellOf('name=follow timeout=90s', 'tail -f /var/log/syslog'), 90_000)).toMatch(/Ctrl-C ends it, and the run goes on \(its 1m30s timeout ends it too\)$/);
  });
});
