import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlan, createRun, emitRunStart, runUnattended } from '../../../src/executor/index.js';
import { createJournal, createSigner, findRunDirName } from '../../../src/journal/index.js';
import type { EventSink } from '../../../src/model/events.js';
import { parseRunbookSync } from '../../../src/parser/index.js';
import { formatHtmlReport } from '../../../src/reporters/html/index.js';
import { formatMarkdownReport, stripInsertedBlocks } from '../../../src/reporters/markdown/index.js';
import { loadRunRecord } from '../../../src/reporters/run-record/index.js';

/** CRLF, a list-nested fence, colours and a cursor escape in the output, a failing cell, and an unclosed fence at the end. */
const RUNBOOK = [
  '# Real run',
  '',
  '1. **Print in colour**',
  '   ```bash {name=colour}',
  "   printf '\\033[32mgreen\\033[0m and \\033[2Jclear\\n'",
  "   echo '<script>alert(1)</script>' >&2",
  '   ```',
  '2. **Fail on purpose**',
  '   ```bash {name=fail}',
  '   echo about to fail; exit 3',
  '   ```',
  '',
  '```bash {name=never}',
  'echo never',
].join('\r\n');

let dir: string;
let runDir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'litops-report-real-'));
  const bytes = Buffer.from(RUNBOOK, 'utf8');
  const { runbook } = parseRunbookSync(RUNBOOK, { path: 'real-run.md', bytes });
  const plan = buildPlan(runbook, { only: [], from: null, to: null, tags: [] });
  let sink: EventSink | null = null;
  const env = { PATH: process.env.PATH };
  const { context, close } = await createRun({ runbook, runbookDir: dir, values: {}, db: null, sandbox: false, env, dataDir: join(dir, '.litops'), timeoutMs: null, emit: (event) => sink!(event) });
  runDir = join(dir, 'runs', findRunDirName(context.runId));
  const signer = await createSigner({ keyPath: null, env: { PATH: process.env.PATH, HOME: '/nonexistent' } });
  const journal = await createJournal({ runDir, runbookBytes: bytes, signer, principal: 'ci@example.com', gitCommit: null });
  sink = journal.sink;
  try {
    await emitRunStart(context, { options: { ci: true }, inputSources: {}, mode: 'ci', plan, toolVersion: '0.0.0-test' });
    await runUnattended(context, plan);
  } finally {
    await close();
  }
  await journal.finish();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('reports of a real run directory (executor, journal, loadRunRecord)', () => {
  it('Markdown: the runbook back byte for byte, with each cell’s output and status after it', async () => {
    const record = await loadRunRecord(runDir);
    const report = formatMarkdownReport(record);
    if (process.env.SHOW_REPORT) console.log(report.replace(/\r/g, ''));
    expect(Buffer.from(stripInsertedBlocks(report), 'utf8').equals(Buffer.from(RUNBOOK, 'utf8'))).toBe(true);
    expect(report).toContain('   stdout:\r\n   ```text\r\n   green and ␛[2Jclear\r\n   ```\r\n');
    expect(report).toMatch(/❌ \*\*failed\*\* · `fail` · exit 3 · /);
    expect(report).toContain('by `ci@example.com`');
    expect(report).toMatch(/verification ⚠️ \*\*UNSIGNED\*\*/);
  });

  it('HTML: the verification, the principal, coloured output, and the stderr as text', async () => {
    const record = await loadRunRecord(runDir);
    const page = formatHtmlReport(record);
    expect(page).toContain('Verification status: <strong>UNSIGNED</strong>');
    expect(page).toContain('<span class="fg-2">green</span> and <span class="ctl">␛[2J</span>clear');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('<code>ci@example.com</code>');
    expect(page).not.toMatch(/<script/i);
  });
});
