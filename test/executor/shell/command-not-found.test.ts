import { afterEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from './helpers.js';

let t: TestSession;
afterEach(async () => t.dispose());

describe('a missing command', () => {
  it('is named with its cell and runbook line, not the temporary cell.sh; the cell still fails with 127', async () => {
    t = createTestSession();
    const result = await t.run('echo before\nlitops-no-such-command ping', { id: 'redis', line: 12 });
    expect(result.exitCode).toBe(127);
    expect(result.stderr).toBe('litops-no-such-command: command not found (cell redis, line 13 of the runbook)\n');
    expect(result.stderr).not.toContain('cell.sh');
  });

  it('counts lines inside a function the cell defines, and a cell may define its own handler', async () => {
    t = createTestSession();
    const inFunction = await t.run('f() {\n  litops-no-such-command\n}\nf || echo "status $?"', { id: 'fn', line: 3 });
    expect(inFunction.stderr).toBe('litops-no-such-command: command not found (cell fn, line 4 of the runbook)\n');
    expect(inFunction.stdout).toBe('status 127\n');
    const own = await t.run('command_not_found_handle() { echo "mine: $1" >&2; return 127; }\nlitops-no-such-command || true', { id: 'own', line: 1 });
    expect(own.stderr).toBe('mine: litops-no-such-command\n');
  });
});
