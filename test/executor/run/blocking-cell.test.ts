import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRun, runCell, type RunCellOptions } from '../../../src/executor/index.js';
import type { EventOf, RunEvent } from '../../../src/model/events.js';
import { loadSqlParser, parseRunbookSync } from '../../../src/parser/index.js';

let dir: string;
beforeAll(async () => {
  await loadSqlParser();
  dir = await mkdtemp(join(tmpdir(), 'litops-blocking-'));
  await writeFile(join(dir, 'app.log'), 'ready\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs one cell of `text` in a fresh run and returns its cell.end. */
async function runOne(text: string, cellId: string, options: RunCellOptions = {}, timeoutMs: number | null = null): Promise<EventOf<'cell.end'>> {
  const { runbook } = parseRunbookSync(text, { path: 'test.md' });
  const events: RunEvent[] = [];
  const created = await createRun({ runbook, runbookDir: dir, values: {}, db: null, sandbox: false, env: { PATH: process.env.PATH }, dataDir: join(dir, '.litops'), timeoutMs, emit: (event) => void events.push(event) });
  try {
    await runCell(created.context, runbook.cells.find((cell) => cell.id === cellId)!, options);
  } finally {
    await created.close();
  }
  return events.find((event): event is EventOf<'cell.end'> => event.type === 'cell.end')!;
}

const fence = (attributes: string, body: string) => `# Follow\n\n\`\`\`bash {${attributes}}\n${body}\n\`\`\`\n`;

describe('a blocking cell ended on purpose counts as done', () => {
  it('by its timeout: passed, timedOut, stopped by the timeout with a note; the implicit exit == 0 is not judged', async () => {
    const end = await runOne(fence('name=follow timeout=1s', `tail -f ${join(dir, 'app.log')}`), 'follow');
    expect(end).toMatchObject({ status: 'passed', timedOut: true, exitCode: null, signal: 'SIGTERM', error: null, expectations: [] });
    expect(end.stopped).toEqual({ by: 'timeout', note: expect.stringMatching(/^blocking \(tail -f .*\): ended by its 1s timeout, which bounds it; counted as done$/) });
    expect(end.tail).toBe('ready\n');
  });

  it('by its timeout, with expectations of its own: they still decide', async () => {
    const log = join(dir, 'app.log');
    const met = await runOne(fence(`name=follow timeout=1s expect='stdout contains "ready"'`, `tail -f ${log}`), 'follow');
    expect(met.status).toBe('passed');
    const unmet = await runOne(fence(`name=follow timeout=1s expect='stdout contains "never printed"'`, `tail -f ${log}`), 'follow');
    expect(unmet).toMatchObject({ status: 'failed', timedOut: true, stopped: { by: 'timeout' } });
  });

  it('by the run-wide timeout too (the same bound, set elsewhere)', async () => {
    const end = await runOne(fence('name=follow', `tail -f ${join(dir, 'app.log')}`), 'follow', {}, 500);
    expect(end).toMatchObject({ status: 'passed', timedOut: true, stopped: { by: 'timeout', note: expect.stringContaining('500ms timeout') } });
  });

  it('by the operator (stop): passed, stopped by the operator; the follow sees what was appended until then', async () => {
    const log = join(dir, 'stop.log');
    await writeFile(log, '');
    const stop = new AbortController();
    const pending = runOne(fence('name=follow', `tail -f ${log}`), 'follow', { stop: stop.signal });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await appendFile(log, 'appended\n');
    await new Promise((resolve) => setTimeout(resolve, 500));
    stop.abort();
    const end = await pending;
    expect(end).toMatchObject({ status: 'passed', timedOut: false, error: null, tail: 'appended\n' });
    expect(end.stopped).toEqual({ by: 'operator', note: expect.stringMatching(/: ended by the operator \(Ctrl-C\); counted as done$/) });
  });

  it('a cancel is still a cancel, even of a blocking cell', async () => {
    const cancel = new AbortController();
    const stop = new AbortController();
    setTimeout(() => {
      cancel.abort();
      stop.abort();
    }, 300);
    const end = await runOne(fence('name=follow', `tail -f ${join(dir, 'app.log')}`), 'follow', { signal: cancel.signal, stop: stop.signal });
    expect(end).toMatchObject({ status: 'cancelled', stopped: null });
  });
});

describe('a cell that is not blocking', () => {
  it('fails when it times out, as before', async () => {
    const end = await runOne(fence('name=slow timeout=500ms', 'sleep 30'), 'slow');
    expect(end).toMatchObject({ status: 'timed-out', timedOut: true, stopped: null, error: 'timed out after 500 ms; its process group was ended' });
  });

  it('is cancelled by a stop (only blocking cells end as done)', async () => {
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 300);
    const end = await runOne(fence('name=slow', 'sleep 30'), 'slow', { stop: stop.signal });
    expect(end).toMatchObject({ status: 'cancelled', stopped: null });
  });
});
