import { readFile } from 'node:fs/promises';
import { render } from 'ink-testing-library';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Runbook } from '../../../src/model/runbook.js';
import { parseRunbook } from '../../../src/parser/index.js';
import { App, createTuiState, createTuiStore, type Effect } from '../../../src/tui/index.js';
import { scopeEveryChoice } from '../fixtures/scope-choices.js';

const FIXTURE = new URL('../fixtures/two-procedures.md', import.meta.url);
let runbook: Runbook;

beforeAll(async () => {
  runbook = (await parseRunbook(await readFile(FIXTURE, 'utf8'), { path: 'two-procedures.md' })).runbook;
});

const ENTER = '\r';
const DOWN = '\u001b[B';

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

function renderOverview(target: Runbook = runbook) {
  const effects: Effect[] = [];
  const state = createTuiState({ runbook: target, size: { cols: 100, rows: 24 }, inputsByChoice: scopeEveryChoice(target) });
  const store = createTuiStore(state, (taken) => effects.push(...taken));
  return { effects, ...render(<App store={store} />) };
}

describe('the overview', () => {
  it('lists the first warnings with a count of the rest, never info', async () => {
    const { lastFrame, unmount } = renderOverview();
    const frame = await waitForFrame(lastFrame, 'Diagnostics');
    expect(frame).toContain('Diagnostics (5 warnings):');
    expect(frame).toContain('⚠ line 3: unknown front-matter key "ownr" is ignored; did you mean "owner"?');
    expect(frame).toContain('⚠ line 19: unknown attribute "nmae" is ignored; did you mean "name"?');
    expect(frame).toContain('⚠ line 27: unknown attribute "tgas" is ignored');
    expect(frame).not.toContain('expcet');
    expect(frame).toContain('… and 2 more (litops inspect lists them all)');
    unmount();
  });

  it('shows no diagnostics section for a clean runbook, nor info diagnostics', async () => {
    const clean = { ...runbook, diagnostics: [{ severity: 'info' as const, rule: 'ignored-fence-meta', message: 'how a block was read', line: 5, column: 1 }] };
    const { lastFrame, unmount } = renderOverview(clean);
    const frame = await waitForFrame(lastFrame, 'Inputs:');
    expect(frame).not.toContain('Diagnostics');
    expect(frame).not.toContain('how a block was read');
    unmount();
  });

  it('shows the inputs of the choice under the cursor, and asks only for those of the chosen procedure', async () => {
    const { lastFrame, stdin, effects, unmount } = renderOverview();
    let frame = await waitForFrame(lastFrame, 'Inputs:');
    expect(frame).toMatch(/AUDIT_TOKEN 🔒 asked when you start/);
    expect(frame).toMatch(/DB_TABLE asked when you start/);
    await keys(stdin, DOWN);
    frame = await waitForFrame(lastFrame, /› Restart the API/);
    expect(frame).toMatch(/API_HOST asked when you start/);
    expect(frame).not.toMatch(/AUDIT_TOKEN|DB_TABLE/);
    await keys(stdin, DOWN);
    frame = await waitForFrame(lastFrame, /› Vacuum the database/);
    expect(frame).toContain('POD asked when you start · set by find-pod, which is not selected');
    await keys(stdin, ENTER);
    frame = await waitForFrame(lastFrame, 'Input 1 of 2: POD');
    expect(frame).toContain('set by find-pod, which is not selected');
    await keys(stdin, 'api-7', ENTER, 'jobs', ENTER);
    expect(effects).toEqual([{ kind: 'start', procedure: 'vacuum-the-database', values: { POD: 'api-7', DB_TABLE: 'jobs' } }]);
    unmount();
  });
});
