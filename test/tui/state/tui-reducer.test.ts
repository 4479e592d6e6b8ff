import { readFile } from 'node:fs/promises';
import type { Key } from 'ink';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/executor/index.js';
import type { RunEvent } from '../../../src/model/events.js';
import type { Runbook } from '../../../src/model/runbook.js';
import { parseRunbook } from '../../../src/parser/index.js';
import { buildOutlineRows, createTuiState, getChecklist, mapKey, reduceTui, splitKeys, type TuiAction, type TuiState } from '../../../src/tui/state/index.js';

const FIXTURE = new URL('../fixtures/tui-drill.md', import.meta.url);
let runbook: Runbook;

beforeAll(async () => {
  runbook = (await parseRunbook(await readFile(FIXTURE, 'utf8'), { path: 'tui-drill.md' })).runbook;
});

const KEY = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false } as Key;

/** Presses keys the way the app does: split, mapped, reduced. */
function press(state: TuiState, ...keys: Array<string | Partial<Key>>): TuiState {
  for (const k of keys) {
    const [input, key] = typeof k === 'string' ? [k, KEY] : ['', { ...KEY, ...k }];
    for (const p of splitKeys(input, key)) {
      const action = mapKey(state, p.input, p.key);
      if (action) state = reduceTui(state, action);
    }
  }
  return state;
}

function type(state: TuiState, text: string): TuiState {
  return press(state, text);
}

function apply(state: TuiState, ...actions: TuiAction[]): TuiState {
  return actions.reduce(reduceTui, state);
}

const ts = '2026-11-22T03:00:00.000Z';
const cellStart = (cell: string, attempt: number): RunEvent => ({ type: 'cell.start', ts, attempt, cell, step: 's', lang: 'shell', target: 'shell', source: 'x', sha256: 'a', originalSha256: null, cwd: null });
const cellEnd = (cell: string, attempt: number, status: 'passed' | 'failed'): RunEvent => ({
  type: 'cell.end', ts, attempt, cell, status, exitCode: status === 'passed' ? 0 : 1, signal: null, durationMs: 12, expectations: [], error: null, capture: null,
  stdout: { bytes: 0, sha256: '' }, stderr: { bytes: 0, sha256: '' }, tail: '', session: null,
});

/** A started run on the stepper, effects drained. */
function started(): TuiState {
  const state = createTuiState({ runbook, size: { cols: 80, rows: 24 } });
  const rows = buildOutlineRows(runbook, buildPlan(runbook));
  return apply(state, { type: 'started', runId: 'r1', runDir: '/tmp/r1', rows });
}

describe('reduceTui', () => {
  it('starts on the overview and asks the controller to start the chosen part', () => {
    const state = createTuiState({ runbook, size: { cols: 80, rows: 24 } });
    expect(state.screen).toBe('overview');
    const next = press(state, { return: true });
    expect(next.effects).toEqual([{ kind: 'start', procedure: null, values: {} }]);
  });

  it('asks for missing inputs before starting, then starts with them', () => {
    let state = createTuiState({ runbook, size: { cols: 80, rows: 24 }, missingInputs: ['SCRATCH'] });
    state = press(state, { return: true });
    expect(state.screen).toBe('inputs');
    state = type(state, '/tmp/x');
    state = press(state, { return: true });
    expect(state.effects.at(-1)).toEqual({ kind: 'start', procedure: null, values: { SCRATCH: '/tmp/x' } });
  });

  it('runs the current cell on Enter and moves on after it passed', () => {
    let state = press(started(), { return: true });
    expect(state.effects).toEqual([{ kind: 'run-cell', cellId: 'hello', source: null, action: 'run', confirmedDestructive: false }]);
    expect(state.busy).toBe(true);
    state = press(state, { return: true });
    expect(state.effects).toHaveLength(1);
    state = apply(state, { type: 'effects-taken', count: 1 }, { type: 'event', event: cellStart('hello', 1) });
    expect(state.running).toEqual({ cellId: 'hello', attempt: 1 });
    expect(state.cells.hello!.status).toBe('running');
    state = apply(state, { type: 'output', cellId: 'hello', attempt: 1, chunks: [{ stream: 'stdout', data: 'hi\n' }] });
    expect(state.cells.hello!.output.lines.map((l) => l.text)).toEqual(['hi']);
    state = apply(state, { type: 'event', event: cellEnd('hello', 1, 'passed') });
    expect(state.cells.hello!.status).toBe('passed');
    expect(state.running).toBeNull();
    state = press(state, { return: true });
    expect(state.rows[state.cursor]!.cellId).toBe('optional-step');
  });

  it('ignores output of an older attempt', () => {
    let state = apply(started(), { type: 'event', event: cellStart('hello', 2) });
    state = apply(state, { type: 'output', cellId: 'hello', attempt: 1, chunks: [{ stream: 'stdout', data: 'stale\n' }] });
    expect(state.cells.hello!.output.totalLines).toBe(0);
  });

  it('asks why before a skip, and will not skip without a reason', () => {
    let state = press(started(), 's');
    expect(state.modal?.kind).toBe('skip-reason');
    state = press(state, { return: true });
    expect(state.modal?.kind).toBe('skip-reason');
    state = type(state, 'not tonight');
    state = press(state, { return: true });
    expect(state.modal).toBeNull();
    expect(state.effects).toEqual([{ kind: 'skip', cellId: 'hello', stepId: 'tui-drill/say-hello', reason: 'not tonight' }]);
    expect(state.rows[state.cursor]!.cellId).toBe('optional-step');
    state = apply(state, { type: 'event', event: { type: 'decision', ts, action: 'skip', cell: 'hello', step: 'tui-drill/say-hello', reason: 'not tonight', by: 'operator', source: null } });
    expect(state.cells.hello).toMatchObject({ status: 'skipped', skipReason: 'not tonight' });
  });

  it('runs a destructive cell only after its name is typed exactly', () => {
    let state = started();
    state = { ...state, cursor: state.rows.findIndex((r) => r.cellId === 'clean-scratch') };
    state = press(state, { return: true });
    expect(state.modal?.kind).toBe('confirm-destructive');
    expect(state.effects).toEqual([]);
    state = type(state, 'clean');
    state = press(state, { return: true });
    expect(state.modal).toMatchObject({ kind: 'confirm-destructive', error: expect.stringContaining('clean-scratch') });
    expect(state.effects).toEqual([]);
    state = type(state, 'clean-scratch');
    state = press(state, { return: true });
    expect(state.effects).toEqual([{ kind: 'run-cell', cellId: 'clean-scratch', source: null, action: 'run', confirmedDestructive: true }]);
  });

  it('Esc leaves the destructive dialog without running anything', () => {
    let state = started();
    state = { ...state, cursor: state.rows.findIndex((r) => r.cellId === 'clean-scratch') };
    state = press(state, { return: true }, { escape: true });
    expect(state.modal).toBeNull();
    expect(state.effects).toEqual([]);
  });

  it('edits inline without an editor: Ctrl-S checks the edit, the review runs it', () => {
    let state = started();
    state = press(state, 'e');
    expect(state.modal?.kind).toBe('edit-inline');
    state = press(state, { end: true }, '\x7f\x7f', 'X"');
    state = press(state, { ctrl: true } as Partial<Key>);
    state = reduceTui(state, { type: 'submit' });
    expect(state.effects).toEqual([{ kind: 'check-edit', cellId: 'hello', source: 'echo "hello from litopX"' }]);
    state = apply(state, { type: 'effects-taken', count: 1 }, { type: 'edited', cellId: 'hello', source: 'echo "hello from litopX"', reasons: [] });
    expect(state.modal?.kind).toBe('review-edit');
    state = press(state, { return: true });
    expect(state.effects).toEqual([{ kind: 'run-cell', cellId: 'hello', source: 'echo "hello from litopX"', action: 'edit', confirmedDestructive: false }]);
  });

  it('an edit that became destructive asks for the name', () => {
    let state = apply(started(), { type: 'edited', cellId: 'hello', source: 'rm -rf /tmp/x', reasons: [{ rule: 'rm-recursive', reason: 'rm -r deletes a whole directory tree', text: 'rm -rf /tmp/x', line: 1, column: 1 }] });
    state = press(state, { return: true });
    expect(state.modal).toMatchObject({ kind: 'confirm-destructive', cellId: 'hello', source: 'rm -rf /tmp/x', action: 'edit' });
  });

  it('e always edits inline; E asks for the operator\'s own editor, also from the review', () => {
    expect(press(started(), 'e').modal?.kind).toBe('edit-inline');
    let state = press(started(), 'E');
    expect(state.effects).toEqual([{ kind: 'open-editor', cellId: 'hello', source: 'echo "hello from litops"' }]);
    state = apply(started(), { type: 'edited', cellId: 'hello', source: 'echo 2', reasons: [] });
    expect(press(state, 'e').modal?.kind).toBe('edit-inline');
    expect(press(state, 'E').effects).toEqual([{ kind: 'open-editor', cellId: 'hello', source: 'echo 2' }]);
  });

  it('Ctrl-C cancels a running cell and asks to quit otherwise', () => {
    let state = apply(started(), { type: 'event', event: cellStart('hello', 1) });
    state = press(state, { ctrl: true } as Partial<Key>);
    expect(state.effects).toEqual([]);
    state = reduceTui(state, mapKey(state, 'c', { ...KEY, ctrl: true })!);
    expect(state.effects).toEqual([{ kind: 'cancel-cell' }]);
    expect(state.modal).toBeNull();
    state = apply(state, { type: 'effects-taken', count: 1 }, { type: 'event', event: cellEnd('hello', 1, 'failed') });
    state = reduceTui(state, mapKey(state, 'c', { ...KEY, ctrl: true })!);
    expect(state.modal?.kind).toBe('confirm-quit');
    state = press(state, 'y');
    expect(state.effects).toEqual([{ kind: 'quit' }]);
  });

  it('retries a failed cell, recording it as a retry', () => {
    let state = apply(started(), { type: 'event', event: cellStart('hello', 1) }, { type: 'event', event: cellEnd('hello', 1, 'failed') });
    state = press(state, 'r');
    expect(state.effects).toEqual([{ kind: 'run-cell', cellId: 'hello', source: null, action: 'retry', confirmedDestructive: false }]);
  });

  it('n and p move by step, j and k by row, and the cursor stays in range', () => {
    let state = press(started(), 'n', 'n');
    expect(state.cursor).toBe(2);
    state = press(state, 'p');
    expect(state.cursor).toBe(1);
    state = press(state, 'k', 'k', 'k');
    expect(state.cursor).toBe(0);
    state = press(state, 'j', 'j', 'j', 'j', 'j', 'j', 'j');
    expect(state.cursor).toBe(state.rows.length - 1);
  });

  it('marks checklist entries with a note, and a bound check does not overwrite an operator mark', () => {
    let state = press(started(), 'c');
    expect(state.screen).toBe('checklist');
    expect(getChecklist(state).map((e) => e.target.kind)).toEqual(['prerequisite', 'criterion']);
    state = press(state, 'f');
    state = type(state, 'greeting was garbled');
    state = press(state, { return: true });
    expect(state.effects).toEqual([{ kind: 'mark', target: { kind: 'prerequisite', id: getChecklist(state)[0]!.target.id }, result: 'fail', note: 'greeting was garbled', overrides: null }]);
    // The selection stays on the entry just marked.
    expect(state.checklist.selected).toBe(0);
    state = press(state, { downArrow: true });
    const criterion = getChecklist(state)[1]!.target.id;
    state = apply(state, { type: 'event', event: { type: 'criterion', ts, criterion, result: 'pass', by: 'operator', evidence: null, note: null } });
    state = apply(state, { type: 'check', criterion, passed: false, evidence: 'x' });
    expect(state.marks[`criterion:${criterion}`]).toMatchObject({ result: 'pass', by: 'operator' });
    state = press(state, { escape: true });
    expect(state.screen).toBe('stepper');
  });

  it('checklist marks are y, f and -; p and n move like previous and next, a aborts', () => {
    let state = press(started(), 'c', 'n');
    expect(state.checklist.selected).toBe(1);
    expect(state.modal).toBeNull();
    state = press(state, 'p');
    expect(state.checklist.selected).toBe(0);
    expect(press(state, 'y').modal).toMatchObject({ kind: 'mark', result: 'pass' });
    expect(press(state, 'f').modal).toMatchObject({ kind: 'mark', result: 'fail' });
    expect(press(state, '-').modal).toMatchObject({ kind: 'mark', result: 'n/a' });
    expect(press(state, 'a').modal?.kind).toBe('abort-reason');
  });

  it('a check litops evaluated stays evaluated; overriding it needs a reason, which the mark carries', () => {
    let state = press(started(), 'c', { downArrow: true });
    const criterion = getChecklist(state)[1]!.target.id;
    state = apply(state, { type: 'check', criterion, passed: true, evidence: 'exit 0: actual 0' });
    state = press(state, 'y');
    expect(state.modal).toBeNull();
    expect(state.notices.at(-1)?.message).toBe('litops evaluated this check: pass; it stays evaluated');
    state = press(state, '-');
    expect(state.modal).toMatchObject({ kind: 'mark', result: 'n/a', overrides: { result: 'pass', evidence: 'exit 0: actual 0' } });
    state = press(state, { return: true });
    expect(state.effects).toEqual([]);
    expect(state.modal).toMatchObject({ kind: 'mark', error: expect.stringContaining('a reason is required') });
    state = press(state, { escape: true });
    expect(state.marks[`criterion:${criterion}`]).toMatchObject({ result: 'pass', by: 'check' });
    state = press(state, '-', 'not run on this host', { return: true });
    expect(state.effects).toEqual([{ kind: 'mark', target: { kind: 'criterion', id: criterion }, result: 'n/a', note: 'not run on this host', overrides: { result: 'pass', evidence: 'exit 0: actual 0' } }]);
    state = apply(state, { type: 'event', event: { type: 'criterion', ts, criterion, result: 'n/a', by: 'operator', evidence: null, note: 'not run on this host', overrides: { result: 'pass', evidence: 'exit 0: actual 0' } } });
    expect(state.marks[`criterion:${criterion}`]).toMatchObject({ result: 'n/a', by: 'operator', overrides: { result: 'pass' } });
  });

  it('asks to finish once every step is done, and shows the summary when the run ended', () => {
    let state = started();
    for (const [i, row] of state.rows.entries()) state = apply(state, { type: 'event', event: cellStart(row.cellId!, i + 1) }, { type: 'event', event: cellEnd(row.cellId!, i + 1, 'passed') });
    state = { ...state, cursor: state.rows.length - 1 };
    state = press(state, { return: true });
    expect(state.modal?.kind).toBe('confirm-finish');
    state = press(state, 'y');
    expect(state.effects).toEqual([{ kind: 'finish' }]);
    state = apply(state, { type: 'event', event: { type: 'run.end', ts, status: 'passed', exitCode: 0, durationMs: 5, counts: { passed: 5, failed: 0, skipped: 0, notRun: 0 }, reason: 'ok' } });
    expect(state.screen).toBe('summary');
    state = apply(state, { type: 'verified', ok: true, summary: 'valid' });
    expect(state.ending?.verification).toEqual({ state: 'done', ok: true, summary: 'valid' });
    state = press(state, 'q');
    expect(state.effects.at(-1)).toEqual({ kind: 'exit' });
  });

  it('resumes at the first row that still needs something', () => {
    let state = apply(started(), { type: 'event', event: cellStart('hello', 1) }, { type: 'event', event: cellEnd('hello', 1, 'passed') });
    state = apply(state, { type: 'event', event: { type: 'decision', ts, action: 'skip', cell: 'optional-step', step: 'x', reason: 'no', by: 'operator', source: null } });
    state = apply(state, { type: 'resumed' });
    expect(state.rows[state.cursor]!.cellId).toBe('greet');
  });

  it('help and the full output view return to where they were opened', () => {
    let state = press(started(), '?');
    expect(state.screen).toBe('help');
    state = press(state, 'x');
    expect(state.screen).toBe('stepper');
    state = press(state, 'o');
    expect(state.screen).toBe('output');
    state = press(state, { pageUp: true });
    expect(state.outputScroll).toBeGreaterThan(0);
    state = press(state, 'o');
    expect(state.screen).toBe('stepper');
  });

  it('keeps the size it is told, within sane bounds', () => {
    expect(apply(started(), { type: 'resize', cols: 120, rows: 40 }).size).toEqual({ cols: 120, rows: 40 });
    expect(apply(started(), { type: 'resize', cols: 0, rows: 0 }).size).toEqual({ cols: 20, rows: 8 });
  });
});

describe('splitKeys', () => {
  it('splits a run of Backspaces and a trailing Enter into single presses', () => {
    const presses = splitKeys('ab\x7f\x7f\r', KEY);
    expect(presses.map((p) => [p.input, p.key.delete, p.key.return])).toEqual([['ab', false, false], ['', true, false], ['', true, false], ['', false, true]]);
  });

  it('passes plain text and real keys unchanged', () => {
    expect(splitKeys('abc', KEY)).toEqual([{ input: 'abc', key: KEY }]);
    const ctrl = { ...KEY, ctrl: true };
    expect(splitKeys('c', ctrl)).toEqual([{ input: 'c', key: ctrl }]);
  });
});

describe('a run with nothing to step through', () => {
  it('offers to finish at once', async () => {
    const { runbook: empty } = await parseRunbook('# Notes only\n\nNothing to run here.\n');
    let state = apply(createTuiState({ runbook: empty, size: { cols: 80, rows: 24 } }), { type: 'started', runId: 'r', runDir: '/tmp/r', rows: [] });
    state = press(state, { return: true });
    expect(state.modal?.kind).toBe('confirm-finish');
  });
});

describe('retrying an edited cell', () => {
  it('runs the edited source again, not the runbook one', () => {
    let state = started();
    const edited: RunEvent = { ...cellStart('hello', 1), source: 'echo edited', originalSha256: 'b' } as RunEvent;
    state = apply(state, { type: 'event', event: edited }, { type: 'event', event: cellEnd('hello', 1, 'failed') });
    state = press(state, 'r');
    expect(state.effects).toEqual([{ kind: 'run-cell', cellId: 'hello', source: 'echo edited', action: 'retry', confirmedDestructive: false }]);
  });
});

describe('unlabeled blocks that look like code', () => {
  it('are listed as optional rows the operator may run, destructive ones by name', async () => {
    const { runbook: guessed } = await parseRunbook('# G\n\n1. Clean up.\n\n   ```\n   rm -rf /tmp/litops-guess\n   ```\n\n2. Say so.\n\n   ```bash\n   echo done\n   ```\n');
    const rows = buildOutlineRows(guessed, buildPlan(guessed));
    expect(rows.map((row) => [row.cellId, row.optional])).toEqual([['g/clean-up/1', true], ['g/say-so/1', false]]);
    let state = apply(createTuiState({ runbook: guessed, size: { cols: 80, rows: 24 } }), { type: 'started', runId: 'r', runDir: '/tmp/r', rows });
    state = press(state, { return: true });
    expect(state.modal?.kind).toBe('confirm-destructive');
  });
});
