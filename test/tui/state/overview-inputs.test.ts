import { readFile } from 'node:fs/promises';
import type { Key } from 'ink';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Runbook } from '../../../src/model/runbook.js';
import { parseRunbook } from '../../../src/parser/index.js';
import { createTuiState, findInputVariable, mapKey, reduceTui, splitKeys, type TuiState } from '../../../src/tui/state/index.js';
import { scopeEveryChoice } from '../fixtures/scope-choices.js';

const FIXTURE = new URL('../fixtures/two-procedures.md', import.meta.url);
let runbook: Runbook;

beforeAll(async () => {
  runbook = (await parseRunbook(await readFile(FIXTURE, 'utf8'), { path: 'two-procedures.md' })).runbook;
});

const KEY = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false } as Key;

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

const create = (env: Record<string, string> = {}) => createTuiState({ runbook, size: { cols: 80, rows: 24 }, inputsByChoice: scopeEveryChoice(runbook, { set: {}, envFile: {}, env }), values: env });

describe('the overview asks only for what the chosen part reads', () => {
  it('offers the whole runbook and each procedure, each with its own inputs', () => {
    const { choices } = create().overview;
    expect(choices.map((choice) => [choice.procedure, choice.variables.map((v) => v.name), choice.missing])).toEqual([
      [null, ['AUDIT_TOKEN', 'API_HOST', 'DB_TABLE'], ['AUDIT_TOKEN', 'API_HOST', 'DB_TABLE']],
      ['restart-the-api', ['API_HOST'], ['API_HOST']],
      ['vacuum-the-database', ['POD', 'DB_TABLE'], ['POD', 'DB_TABLE']],
    ]);
  });

  it('choosing one procedure asks only for its input, then starts it', () => {
    let state = press(create(), { downArrow: true }, { return: true });
    expect(state.screen).toBe('inputs');
    expect(state.inputs.names).toEqual(['API_HOST']);
    state = press(state, 'api-1', { return: true });
    expect(state.effects).toEqual([{ kind: 'start', procedure: 'restart-the-api', values: { API_HOST: 'api-1' } }]);
  });

  it('the whole runbook asks for every input, the declared-but-unread one included', () => {
    const state = press(create(), { return: true });
    expect(state.inputs.names).toEqual(['AUDIT_TOKEN', 'API_HOST', 'DB_TABLE']);
  });

  it('asks for what a cell outside the procedure sets, saying so, and refuses an empty value', () => {
    let state = press(create(), { downArrow: true }, { downArrow: true }, { return: true });
    expect(state.inputs.names).toEqual(['POD', 'DB_TABLE']);
    expect(findInputVariable(state, 'POD')).toMatchObject({ required: true, description: 'set by find-pod, which is not selected' });
    state = press(state, { return: true });
    expect(state.inputs.index).toBe(0);
    expect(state.inputs.error).toBe('POD is required and cannot be empty: type a value, or Esc to go back');
    state = press(state, 'a');
    expect(state.inputs.error).toBeNull();
    state = press(state, { backspace: true }, 'api-7', { return: true }, 'jobs', { return: true });
    expect(state.effects).toEqual([{ kind: 'start', procedure: 'vacuum-the-database', values: { POD: 'api-7', DB_TABLE: 'jobs' } }]);
  });

  it('starts at once when what the procedure reads is given, though other inputs are missing', () => {
    const state = press(create({ API_HOST: 'from-env' }), { downArrow: true }, { return: true });
    expect(state.screen).toBe('overview');
    expect(state.effects).toEqual([{ kind: 'start', procedure: 'restart-the-api', values: { API_HOST: 'from-env' } }]);
  });

  it('going back from the inputs and choosing another part asks for that part instead', () => {
    let state = press(create(), { return: true });
    expect(state.inputs.names).toHaveLength(3);
    state = press(state, { escape: true }, { downArrow: true }, { return: true });
    expect(state.inputs.names).toEqual(['API_HOST']);
  });
});
