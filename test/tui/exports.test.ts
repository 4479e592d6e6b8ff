import { describe, expect, it } from 'vitest';
import * as tui from '../../src/tui/index.js';
import * as state from '../../src/tui/state/index.js';

describe('the tui module', () => {
  it('exports exactly its public API', () => {
    expect(Object.keys(tui).sort()).toEqual(['App', 'buildOutlineRows', 'createTuiController', 'createTuiState', 'createTuiStore', 'mapKey', 'mountTui', 'reduceTui']);
  });

  it('exports its pure state functions, for tests and other front ends', () => {
    expect(Object.keys(state).sort()).toEqual([
      'acceptsText', 'buildOutlineRows', 'createTuiState', 'findInputVariable', 'findNextOpenRow', 'getChecklist', 'getChoice', 'getEditorHeight', 'getPlannedProcedures',
      'getRowStatus', 'getStepStatus', 'getUnmarked', 'mapKey', 'markKey', 'reduceEvent', 'reduceTui', 'splitKeys',
    ]);
  });
});
