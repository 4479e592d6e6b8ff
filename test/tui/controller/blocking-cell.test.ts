import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRunLog } from '../../../src/cli/run-log.js';
import { verifyRunDir } from '../../../src/journal/index.js';
import type { Runbook } from '../../../src/model/runbook.js';
import { parseRunbook } from '../../../src/parser/index.js';
import { createTuiController, createTuiState, createTuiStore, type SuspendOptions, type TuiStore } from '../../../src/tui/index.js';

const FIXTURE = new URL('../fixtures/follow.md', import.meta.url);
let runbook: Runbook;
let bytes: Buffer;
let dir: string;

beforeAll(async () => {
  bytes = await readFile(FIXTURE);
  runbook = (await parseRunbook(bytes.toString('utf8'), { path: 'follow.md', bytes })).runbook;
  dir = await mkdtemp(join(tmpdir(), 'litops-tui-blocking-'));
  await writeFile(join(dir, 'follow.log'), '');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function waitUntil(store: TuiStore, predicate: () => boolean, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out; state: ${JSON.stringify({ screen: store.getState().screen, running: store.getState().running, notices: store.getState().notices })}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the controller and a blocking cell', () => {
  it('hands it the terminal after saying how to leave; Ctrl-C ends it as done; the run goes on and its log verifies', async () => {
    const logDir = join(dir, 'runs');
    const suspended: Array<SuspendOptions | undefined> = [];
    let controller: ReturnType<typeof createTuiController> | null = null;
    const store = createTuiStore(createTuiState({ runbook, size: { cols: 80, rows: 24 } }), (effects) => controller!.handle(effects));
    controller = createTuiController(store, {
      runbook,
      runbookDir: dir,
      values: { FOLLOW_FILE: join(dir, 'follow.log') },
      inputSources: { FOLLOW_FILE: '--set' },
      selection: {},
      db: null,
      sandbox: false,
      env: { PATH: process.env.PATH, HOME: dir },
      dataDir: join(dir, '.litops'),
      timeoutMs: null,
      hooks: {
        createLog: (runId) => createRunLog({ runId, runbookBytes: bytes, options: { 'log-dir': logDir }, env: { HOME: dir }, runbookDir: dir }),
        suspend: (task, options) => {
          suspended.push(options);
          return task();
        },
        options: {},
        toolVersion: 'test',
      },
    });
    store.dispatch({ type: 'primary' });
    await waitUntil(store, () => store.getState().screen === 'stepper');
    store.dispatch({ type: 'primary' });
    await waitUntil(store, () => store.getState().running?.cellId === 'follow');
    expect(suspended).toEqual([{ banner: expect.stringMatching(/^⏸ follow is blocking: tail -f .*\n {2}Ctrl-C ends it, and the run goes on$/) }]);
    // What the terminal UI does on SIGINT while the cell has the terminal.
    store.dispatch({ type: 'interrupt' });
    await waitUntil(store, () => store.getState().cells.follow?.status === 'passed');
    expect(store.getState().modal).toBeNull();
    expect(store.getState().cells.follow!.end).toMatchObject({ status: 'passed', stopped: { by: 'operator' } });
    store.dispatch({ type: 'primary' });
    store.dispatch({ type: 'primary' });
    await waitUntil(store, () => store.getState().cells.after?.status === 'passed');
    expect(suspended).toHaveLength(1);
    store.dispatch({ type: 'primary' });
    expect(store.getState().modal?.kind).toBe('confirm-finish');
    store.dispatch({ type: 'confirm', yes: true });
    await waitUntil(store, () => store.getState().ending?.verification?.state === 'done');
    expect(store.getState().ending!.run).toMatchObject({ status: 'passed', exitCode: 0 });
    const runDir = store.getState().run!.dir;
    const events = (await readFile(join(runDir, 'events.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events.find((event) => event.type === 'run.start')).toMatchObject({ mode: 'interactive', timeout: { ms: null, source: 'none' } });
    expect(events.filter((event) => event.type === 'cell.end').map((event) => [event.cell, event.status, (event.stopped as { by: string } | null)?.by ?? null])).toEqual([['follow', 'passed', 'operator'], ['after', 'passed', null]]);
    expect(['valid', 'unsigned']).toContain((await verifyRunDir(runDir)).status);
    store.dispatch({ type: 'quit' });
    await controller.done;
  }, 30_000);
});
