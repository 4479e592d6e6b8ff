import { afterEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from './helpers.js';

let t: TestSession;
afterEach(async () => t.dispose());

describe('variables(), cell environment and restore()', () => {
  it('lists what cells set or changed, not the inherited environment', async () => {
    t = createTestSession();
    await t.run('A=1; export B="two words"; arr=(x y); PATH="$PATH:/extra"; cd /tmp; tmp=gone; unset tmp');
    const variables = t.session.variables();
    expect(Object.keys(variables).sort()).toEqual(['A', 'B', 'PATH', 'arr']);
    expect(variables).toMatchObject({ A: '1', B: 'two words', arr: 'declare -a arr=([0]="x" [1]="y")' });
    expect(variables.PATH).toMatch(/:\/extra$/);
    expect(t.session.exportedNames().sort()).toEqual(['B', 'PATH']);
  });

  it('sets LITOPS_CELL and passes the caller’s environment', async () => {
    t = createTestSession();
    const result = await t.run('echo "$LITOPS_CELL $LITOPS_RUN_ID"; bash -c \'echo "$LITOPS_CELL"\'', { id: 'check-disk' });
    expect(result.stdout).toBe('check-disk test-run\ncheck-disk\n');
    expect(t.session.variables()).toEqual({});
  });

  it('gives a cell its own env for that cell only, unless the cell assigns it', async () => {
    t = createTestSession();
    await t.run('MODE=carried');
    expect((await t.run('echo "$ONLY $MODE"; bash -c \'echo "$MODE"\'', { env: { ONLY: 'here', MODE: 'cell' } })).stdout).toBe('here cell\ncell\n');
    expect((await t.run('echo "${ONLY-unset} $MODE"')).stdout).toBe('unset carried\n');
    await t.run('ASSIGNED=changed', { env: { ASSIGNED: 'given' } });
    expect((await t.run('echo "$ASSIGNED"')).stdout).toBe('changed\n');
  });

  it('restores variables and cwd into a new session', async () => {
    t = createTestSession();
    await t.run("export E='it'\\''s exported'; X=$'multi\\nline'; arr=(a 'b c'); cd /tmp");
    const saved = { variables: t.session.variables(), cwd: t.session.cwd(), exported: t.session.exportedNames() };
    const fresh = createTestSession();
    try {
      fresh.session.restore(saved);
      const result = await fresh.run('printf "%s|%s|%s|%s\\n" "$E" "$X" "${arr[1]}" "$PWD"; bash -c \'echo "[$E][${X-}]"\'');
      expect(result.stdout).toBe("it's exported|multi\nline|b c|/tmp\n[it's exported][]\n");
      expect(fresh.session.variables()).toEqual(saved.variables);
    } finally {
      await fresh.dispose();
    }
  });

  it('exports every restored variable when no list is given, and rejects bad names', async () => {
    t = createTestSession();
    t.session.restore({ variables: { TOKEN_FILE: '/run/token' }, cwd: t.dir });
    expect((await t.run('bash -c \'echo "$TOKEN_FILE"\'')).stdout).toBe('/run/token\n');
    expect(() => t.session.restore({ variables: { 'not-a-name': 'x' }, cwd: t.dir })).toThrow(/not a shell variable name/);
  });
});
