import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRun, runCell } from '../../../src/executor/index.js';
import type { EventOf, RunEvent } from '../../../src/model/events.js';
import { loadSqlParser, parseRunbookSync } from '../../../src/parser/index.js';

let dir: string;
beforeAll(async () => {
  await loadSqlParser();
  dir = await mkdtemp(join(tmpdir(), 'litops-run-cell-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function withRun(text: string, values: Record<string, string>, use: (run: (cellId: string) => Promise<RunEvent[]>) => Promise<void>, onEvent?: (event: RunEvent) => void): Promise<void> {
  const { runbook } = parseRunbookSync(text, { path: 'test.md' });
  const events: RunEvent[] = [];
  const created = await createRun({ runbook, runbookDir: dir, values, db: null, sandbox: false, env: { PATH: process.env.PATH }, dataDir: join(dir, '.litops'), timeoutMs: null, emit: (event) => (onEvent ? onEvent(event) : void events.push(event)) });
  try {
    await use(async (cellId) => {
      events.length = 0;
      await runCell(created.context, runbook.cells.find((cell) => cell.id === cellId)!);
      return [...events];
    });
  } finally {
    await created.close();
  }
}

describe('runCell', () => {
  it('streams 100 MB of output through redaction and capture with bounded memory, digest over every byte', async () => {
    let bytes = 0;
    let end: EventOf<'cell.end'> | undefined;
    const expected = createHash('sha256');
    for (let i = 0; i < 100; i++) expected.update('x'.repeat(1_000_000));
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    await withRun('# Big\n```bash {name=big}\nhead -c 100000000 /dev/zero | tr "\\0" x\n```\n', { SOME_TOKEN: 'tok-abcdef' }, async (run) => {
      await run('big');
    }, (event) => {
      if (event.type === 'cell.output') {
        bytes += Buffer.byteLength(event.data);
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
      if (event.type === 'cell.end') end = event;
    });
    expect(bytes).toBe(100_000_000);
    expect(end!.stdout.bytes).toBe(100_000_000);
    expect(end!.stdout.sha256).toBe(expected.digest('hex'));
    expect(end!.status).toBe('passed');
    expect(peak - heapBefore).toBeLessThan(96 * 1024 * 1024);
  }, 120_000);

  it('emits cell.start with the source digest, timestamped output chunks and cell.end, secrets redacted', async () => {
    const text = '---\nvariables:\n  API_TOKEN: {}\n---\n# T\n```bash {name=say}\necho "token=$API_TOKEN"\necho oops >&2\n```\n';
    await withRun(text, { API_TOKEN: 'sekret-123456' }, async (run) => {
      const events = await run('say');
      expect(events[0]!.type).toBe('cell.start');
      expect(events.at(-1)!.type).toBe('cell.end');
      expect(events.slice(1, -1).every((e) => e.type === 'cell.output')).toBe(true);
      const start = events.find((e) => e.type === 'cell.start') as EventOf<'cell.start'>;
      expect(start.sha256).toBe(createHash('sha256').update('echo "token=$API_TOKEN"\necho oops >&2').digest('hex'));
      const output = events.filter((e): e is EventOf<'cell.output'> => e.type === 'cell.output');
      expect(output.map((e) => `${e.stream}:${e.data}`).sort()).toEqual(['stderr:oops\n', 'stdout:token=[REDACTED]\n']);
      for (const event of events) expect(new Date(event.ts).toISOString()).toBe(event.ts);
      expect(JSON.stringify(events)).not.toContain('sekret-123456');
    });
  });

  it('numbers attempts per cell (1 on a first run, 2 on its first retry) and keeps the run-wide number that names out files', async () => {
    await withRun('# T\n```bash {name=one}\necho 1\n```\n```bash {name=two}\necho 2\n```\n', {}, async (run) => {
      const starts: Array<[string, number, number | undefined]> = [];
      for (const id of ['one', 'two', 'two', 'one']) {
        const start = (await run(id)).find((e): e is EventOf<'cell.start'> => e.type === 'cell.start')!;
        starts.push([start.cell, start.attempt, start.cellAttempt]);
      }
      expect(starts).toEqual([['one', 1, 1], ['two', 2, 1], ['two', 3, 2], ['one', 4, 2]]);
    });
  });

  it('says a cancelled cell was cancelled, with no exit check failing on the exit code it never had', async () => {
    const { runbook } = parseRunbookSync('# T\n```bash {name=wait}\nsleep 5\n```\n', { path: 'test.md' });
    const created = await createRun({ runbook, runbookDir: dir, values: {}, db: null, sandbox: false, env: { PATH: process.env.PATH }, dataDir: join(dir, '.litops'), timeoutMs: null, emit: () => undefined });
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 300);
      const outcome = await runCell(created.context, runbook.cells[0]!, { signal: controller.signal });
      expect(outcome).toMatchObject({ status: 'cancelled', exitCode: null, error: 'cancelled by the operator', expectations: [] });
    } finally {
      await created.close();
    }
  });
});

