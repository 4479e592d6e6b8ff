import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRunLog } from '../../../src/cli/run-log.js';
import { verifyRunDir } from '../../../src/journal/index.js';
import type { Runbook } from '../../../src/model/runbook.js';
import { parseRunbook } from '../../../src/parser/index.js';
import { App, createTuiController, createTuiState, createTuiStore, type Effect, type TuiStore } from '../../../src/tui/index.js';

const FIXTURE = new URL('../fixtures/tui-drill.md', import.meta.url);
let runbook: Runbook;
let bytes: Buffer;
const dirs: string[] = [];

beforeAll(async () => {
  bytes = await readFile(FIXTURE);
  runbook = (await parseRunbook(bytes.toString('utf8'), { path: 'tui-drill.md', bytes })).runbook;
});

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const ENTER = '\r';
const ESC = '\u001b';

/** Polls the last frame until it matches (frames arrive asynchronously). */
async function waitForFrame(lastFrame: () => string | undefined, pattern: RegExp | string, timeoutMs = 10_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const frame = lastFrame() ?? '';
    if (typeof pattern === 'string' ? frame.includes(pattern) : pattern.test(frame)) return frame;
    if (Date.now() - started > timeoutMs) throw new Error(`frame never matched ${String(pattern)}; last frame:\n${frame}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Writes keys one at a time, letting Ink read each. */
async function keys(stdin: { write(data: string): void }, ...presses: string[]): Promise<void> {
  for (const press of presses) {
    stdin.write(press);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

function renderWithEffects(size = { cols: 80, rows: 24 }) {
  const effects: Effect[] = [];
  const store = createTuiStore(createTuiState({ runbook, size, missingInputs: ['SCRATCH'] }), (taken) => effects.push(...taken));
  return { store, effects, ...render(<App store={store} />) };
}

describe('the overview', () => {
  it('shows the title, metadata, what to run, inputs and prerequisites', async () => {
    const { lastFrame, unmount } = renderWithEffects();
    const frame = await waitForFrame(lastFrame, 'Prerequisites');
    expect(frame).toContain('TUI drill');
    expect(frame).toContain('Owner: platform on-call');
    expect(frame).toMatch(/The whole runbook · 5 steps · ⚠ destructive/);
    expect(frame).toContain('SCRATCH asked when you start');
    expect(frame).toContain('☐ You are on the on-call rotation');
    expect(frame).toContain('Enter start');
    unmount();
  });

  it('asks for a missing input and starts the run with it', async () => {
    const { lastFrame, stdin, effects, unmount } = renderWithEffects();
    await waitForFrame(lastFrame, 'Prerequisites');
    await keys(stdin, ENTER);
    await waitForFrame(lastFrame, 'Input 1 of 1: SCRATCH');
    await keys(stdin, '/tmp/s');
    await waitForFrame(lastFrame, 'SCRATCH = /tmp/s');
    await keys(stdin, ENTER);
    expect(effects).toEqual([{ kind: 'start', procedure: null, values: { SCRATCH: '/tmp/s' } }]);
    unmount();
  });

  it('masks a secret while it is typed', async () => {
    const secret = { ...runbook, variables: runbook.variables.map((v) => (v.name === 'SCRATCH' ? { ...v, secret: true } : v)) };
    const store = createTuiStore(createTuiState({ runbook: secret, size: { cols: 80, rows: 24 }, missingInputs: ['SCRATCH'] }), () => undefined);
    const { lastFrame, stdin, unmount } = render(<App store={store} />);
    await waitForFrame(lastFrame, 'Prerequisites');
    await keys(stdin, ENTER, 'hunter2');
    const frame = await waitForFrame(lastFrame, '•••••••');
    expect(frame).not.toContain('hunter2');
    unmount();
  });
});

describe('the stepper against the real executor', () => {
  async function start(): Promise<{ store: TuiStore; done: Promise<number>; logDir: string; ui: ReturnType<typeof render> }> {
    const logDir = await mkdtemp(join(tmpdir(), 'litops-tui-'));
    dirs.push(logDir);
    let controller: ReturnType<typeof createTuiController> | null = null;
    const store = createTuiStore(createTuiState({ runbook, size: { cols: 80, rows: 24 } }), (effects) => controller!.handle(effects));
    controller = createTuiController(store, {
      runbook,
      runbookDir: logDir,
      values: { SCRATCH: join(logDir, 'scratch') },
      inputSources: { SCRATCH: '--set' },
      selection: {},
      db: null,
      sandbox: false,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      dataDir: join(logDir, '.litops'),
      timeoutMs: null,
      hooks: {
        createLog: (runId) => createRunLog({ runId, runbookBytes: bytes, options: { 'log-dir': logDir }, env: { HOME: logDir }, runbookDir: logDir }),
        suspend: (task) => task(),
        options: {},
        toolVersion: 'test',
      },
    });
    const ui = render(<App store={store} />);
    await waitForFrame(ui.lastFrame, 'Enter start');
    await keys(ui.stdin, ENTER);
    await waitForFrame(ui.lastFrame, 'Enter run/next');
    return { store, done: controller.done, logDir, ui };
  }

  it('runs a cell, skips one with a reason, confirms a destructive one by name, quits resumably', async () => {
    const { store, done, ui } = await start();
    const { lastFrame, stdin } = ui;
    expect(lastFrame()).toMatch(/· Say hello/);
    await keys(stdin, ENTER);
    let frame = await waitForFrame(lastFrame, '✓ passed · exit 0');
    expect(frame).toContain('hello from litops');
    expect(frame).toMatch(/✓ Say hello/);
    await keys(stdin, ENTER, 's');
    await waitForFrame(lastFrame, 'why? (recorded in the log)');
    await keys(stdin, 'not needed', ENTER);
    frame = await waitForFrame(lastFrame, /↷ Something we will skip/);
    await keys(stdin, 'n');
    await waitForFrame(lastFrame, /clean-scratch · shell/);
    await keys(stdin, ENTER);
    await waitForFrame(lastFrame, "Type the cell's name (clean-scratch)");
    await keys(stdin, 'clean-scratch', ENTER);
    frame = await waitForFrame(lastFrame, /^\s+cleaned\s*$/m);
    await keys(stdin, 'q');
    await waitForFrame(lastFrame, 'The run stays resumable');
    await keys(stdin, 'y');
    expect(await done).toBe(130);
    const runDir = store.getState().run!.dir;
    const events = (await readFile(join(runDir, 'events.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const decisions = events.filter((e) => e.type === 'decision').map((e) => [e.action, e.cell, e.by]);
    expect(decisions).toEqual([
      ['run', 'hello', 'operator'],
      ['skip', 'optional-step', 'operator'],
      ['run', 'clean-scratch', 'operator'],
      ['confirm', 'clean-scratch', 'operator'],
    ]);
    expect(events[0]).toMatchObject({ type: 'run.start', mode: 'interactive' });
    expect((await verifyRunDir(runDir)).status).toBe('incomplete');
    ui.unmount();
  });

  it('Ctrl-C cancels the running cell, not the app', async () => {
    const slow = { ...runbook, cells: runbook.cells.map((c) => (c.id === 'hello' ? { ...c, source: 'echo "$((6 * 7))-ready"; sleep 30' } : c)) };
    const { store, ui, done } = await (async () => {
      const original = runbook;
      runbook = slow;
      try {
        return await start();
      } finally {
        runbook = original;
      }
    })();
    await keys(ui.stdin, ENTER);
    await waitForFrame(ui.lastFrame, 'Ctrl-C cancels');
    await waitForFrame(ui.lastFrame, '42-ready');
    await keys(ui.stdin, '\u0003');
    const frame = await waitForFrame(ui.lastFrame, '✗ cancelled');
    expect(frame).toContain('cancelled by the operator');
    expect(frame).toContain('42-ready');
    expect(store.getState().screen).toBe('stepper');
    expect(store.getState().modal).toBeNull();
    await keys(ui.stdin, 'q', 'y');
    expect(await done).toBe(130);
    ui.unmount();
  });

  it('fits 80x24 and redraws to a new size', async () => {
    const { store, ui, done } = await start();
    const frame = ui.lastFrame()!;
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
    for (const line of frame.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    store.dispatch({ type: 'resize', cols: 60, rows: 16 });
    const small = await waitForFrame(ui.lastFrame, (() => ({ test: (f: string) => f.split('\n').length <= 15 }))() as unknown as RegExp);
    for (const line of small.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
    await keys(ui.stdin, '?');
    await waitForFrame(ui.lastFrame, 'Keys');
    await keys(ui.stdin, ESC, 'q', 'y');
    expect(await done).toBe(130);
    ui.unmount();
  });
});
