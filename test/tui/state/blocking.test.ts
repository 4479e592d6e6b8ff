import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/executor/index.js';
import type { RunEvent } from '../../../src/model/events.js';
import type { Runbook } from '../../../src/model/runbook.js';
import { parseRunbook } from '../../../src/parser/index.js';
import { buildOutlineRows, createTuiState, reduceTui, type TuiAction, type TuiState } from '../../../src/tui/state/index.js';

const FIXTURE = new URL('../fixtures/follow.md', import.meta.url);
let runbook: Runbook;

beforeAll(async () => {
  runbook = (await parseRunbook(await readFile(FIXTURE, 'utf8'), { path: 'follow.md' })).runbook;
});

const ts = '2026-11-22T03:00:00.000Z';
const cellStart = (cell: string): RunEvent => ({ type: 'cell.start', ts, attempt: 1, cell, step: 's', lang: 'shell', target: 'shell', source: 'x', sha256: 'a', originalSha256: null, cwd: null });

function running(cellId: string): TuiState {
  const state = createTuiState({ runbook, size: { cols: 80, rows: 24 } });
  const rows = buildOutlineRows(runbook, buildPlan(runbook));
  const actions: TuiAction[] = [{ type: 'started', runId: 'r1', runDir: '/tmp/r1', rows }, { type: 'event', event: cellStart(cellId) }];
  return actions.reduce(reduceTui, state);
}

describe('Ctrl-C while a cell runs', () => {
  it('the fixture has a blocking cell (tail -f) and one that is not', () => {
    expect(runbook.cells.map((cell) => [cell.id, cell.blocking])).toEqual([['follow', true], ['after', false]]);
  });

  it('ends a blocking cell on purpose (stop-cell): it counts as done and the run goes on', () => {
    const state = reduceTui(running('follow'), { type: 'interrupt' });
    expect(state.effects).toEqual([{ kind: 'stop-cell' }]);
    expect(state.modal).toBeNull();
  });

  it('cancels any other cell (cancel-cell), as before', () => {
    expect(reduceTui(running('after'), { type: 'interrupt' }).effects).toEqual([{ kind: 'cancel-cell' }]);
  });

  it('a blocking cell that ended so shows as passed, with how it ended', () => {
    const end: RunEvent = {
      type: 'cell.end', ts, attempt: 1, cell: 'follow', status: 'passed', exitCode: null, signal: 'SIGINT', durationMs: 3000, expectations: [], error: null, capture: null,
      stdout: { bytes: 0, sha256: '' }, stderr: { bytes: 0, sha256: '' }, tail: '', session: null, timedOut: false, stopped: { by: 'operator', note: 'blocking (tail -f): ended by the operator (Ctrl-C); counted as done' },
    };
    const state = reduceTui(running('follow'), { type: 'event', event: end });
    expect(state.running).toBeNull();
    expect(state.cells.follow).toMatchObject({ status: 'passed', end: { signal: 'SIGINT', stopped: { by: 'operator' } } });
  });
});
