import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLitops } from './run-litops.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'litops-report-wording-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const RUNBOOK = '# Two cells\n\n## Steps\n\n```bash {name=first}\necho one\n```\n\n```bash {name=second}\necho two\n```\n';

describe('the outcome of a passed run with a skipped cell', () => {
  it('does not say every cell ran: not on the console, not in the HTML or Markdown report', async () => {
    await writeFile(join(dir, 'two.md'), RUNBOOK);
    const result = await runLitops(['run', 'two.md', '--ci', '--only', 'first', '--log-dir', 'runs', '--report', 'html:report.html', '--report', 'md:report.md'], { cwd: dir, env: { LITOPS_SIGNING_KEY: undefined }, timeoutMs: 60_000 });
    expect(result.code).toBe(0);
    for (const text of [result.stdout, readFileSync(join(dir, 'report.html'), 'utf8'), readFileSync(join(dir, 'report.md'), 'utf8')]) {
      expect(text).not.toContain('every cell ran');
      expect(text).toContain('1 cell passed, 1 cell skipped; every check passed');
    }
  }, 60_000);
});
