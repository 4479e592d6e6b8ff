import { readFile } from 'node:fs/promises';
import { render } from 'ink-testing-library';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/executor/index.js';
import type { Runbook } from '../../../src/model/runbook.js';
import { parseRunbook } from '../../../src/parser/index.js';
import { App, buildOutlineRows, createTuiState, createTuiStore, type Effect } from '../../../src/tui/index.js';

const CHECKED = new URL('../fixtures/checked.md', import.meta.url);
const DRILL = new URL('../fixtures/tui-drill.md', import.meta.url);
let checked: Runbook;
let drill: Runbook;

beforeAll(async () => {
  checked = (await parseRunbook(await readFile(CHECKED, 'utf8'), { path: 'checked.md' })).runbook;
  drill = (await parseRunbook(await readFile(DRILL, 'utf8'), { path: 'tui-drill.md' })).runbook;
});

async function waitForFrame(lastFrame: () => string | undefined, pattern: RegExp | string, timeoutMs = 10_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const frame = lastFrame() ?? '';
    if (typeof pattern === 'string' ? frame.includes(pattern) : pattern.test(frame)) return frame;
    if (Date.now() - started > timeoutMs) throw new Error(`frame never matched ${String(pattern)}; last frame:\n${frame}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function keys(stdin: { write(data: string): void }, ...presses: string[]): Promise<void> {
  for (const press of presses) {
    stdin.write(press);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

describe('the operator is told, not left guessing', () => {
  it('an empty Enter on a required input says why it was refused', async () => {
    const required = { ...drill, variables: drill.variables.map((v) => (v.name === 'SCRATCH' ? { ...v, required: true } : v)) };
    const store = createTuiStore(createTuiState({ runbook: required, size: { cols: 80, rows: 24 }, missingInputs: ['SCRATCH'] }), () => undefined);
    const { lastFrame, stdin, unmount } = render(<App store={store} />);
    await waitForFrame(lastFrame, 'Enter start');
    await keys(stdin, '\r');
    await waitForFrame(lastFrame, 'Input 1 of 1: SCRATCH');
    await keys(stdin, '\r');
    await waitForFrame(lastFrame, 'SCRATCH is required and cannot be empty: type a value, or Esc to go back');
    await keys(stdin, '/');
    const frame = await waitForFrame(lastFrame, 'SCRATCH = /');
    expect(frame).not.toContain('is required');
    unmount();
  });

  it('the checklist shows an evaluated check as evaluated, and asks for a reason to override it', async () => {
    const effects: Effect[] = [];
    const store = createTuiStore(createTuiState({ runbook: checked, size: { cols: 80, rows: 24 } }), (taken) => effects.push(...taken));
    store.dispatch({ type: 'started', runId: 'r1', runDir: '/tmp/r1', rows: buildOutlineRows(checked, buildPlan(checked)) });
    const criterion = checked.criteria.find((c) => c.check)!.id;
    store.dispatch({ type: 'check', criterion, passed: true, evidence: 'widgets value < 10: actual 3' });
    const { lastFrame, stdin, unmount } = render(<App store={store} />);
    await waitForFrame(lastFrame, 'Enter run/next');
    await keys(stdin, 'c');
    await waitForFrame(lastFrame, '✓ check: Fewer than ten widgets · widgets value < 10: actual 3 (evaluated)');
    expect(lastFrame()).toContain('y pass · f fail · - n/a');
    await keys(stdin, '-');
    await waitForFrame(lastFrame, 'litops evaluated this: pass · widgets value < 10: actual 3');
    expect(lastFrame()).toContain('To override it, give a reason (logged); Esc keeps it.');
    await keys(stdin, '\r');
    await waitForFrame(lastFrame, 'a reason is required to override it; Esc keeps what litops evaluated');
    expect(effects.filter((e) => e.kind === 'mark')).toEqual([]);
    await keys(stdin, 'counted elsewhere', '\r');
    expect(effects.filter((e) => e.kind === 'mark')).toEqual([{ kind: 'mark', target: { kind: 'criterion', id: criterion }, result: 'n/a', note: 'counted elsewhere', overrides: { result: 'pass', evidence: 'widgets value < 10: actual 3' } }]);
    unmount();
  });

  it('help says e edits inline, E in your own editor, and the checklist keys', async () => {
    const store = createTuiStore(createTuiState({ runbook: checked, size: { cols: 80, rows: 24 } }), () => undefined);
    store.dispatch({ type: 'started', runId: 'r1', runDir: '/tmp/r1', rows: buildOutlineRows(checked, buildPlan(checked)) });
    const { lastFrame, stdin, unmount } = render(<App store={store} />);
    await waitForFrame(lastFrame, 'Enter run/next');
    await keys(stdin, '?');
    const frame = await waitForFrame(lastFrame, 'e / E');
    // Whole lines at 80 columns: nothing cut off.
    expect(frame).toContain('edit: e inline, E in your $VISUAL/$EDITOR; the diff is recorded');
    expect(frame).toContain('checklist: y pass · f fail · - n/a (evaluated checks need a reason)');
    unmount();
  });
});
