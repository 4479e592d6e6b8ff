import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from './helpers.js';

let t: TestSession;
afterEach(async () => t.dispose());

describe('running one cell', () => {
  it('runs the cell’s text byte for byte (heredocs, no final newline)', async () => {
    t = createTestSession();
    const source = "cat <<'EOF'\n$HOME `x` \\n \"q\"\nEOF\ncat <<EOF\n[$LITOPS_CELL]\nEOF\nprintf '%s' done";
    const result = await t.run(source, { id: 'heredoc' });
    expect(result.stdout).toBe('$HOME `x` \\n "q"\n[heredoc]\ndone');
  });

  it('closes stdin', async () => {
    t = createTestSession();
    expect((await t.run('read -r x || echo eof; cat; echo after-cat')).stdout).toBe('eof\nafter-cat\n');
  });

  it('stops at the first failure under set -e, with pipefail', async () => {
    t = createTestSession();
    expect(await t.run('false; echo not-reached')).toMatchObject({ exitCode: 1, stdout: '' });
    expect(await t.run('false | true; echo not-reached')).toMatchObject({ exitCode: 1, stdout: '' });
  });

  it('goes on after failures when errexit is off, pipefail still on', async () => {
    t = createTestSession({ errexit: false });
    expect(await t.run('false; echo after')).toMatchObject({ exitCode: 0, stdout: 'after\n' });
    expect((await t.run('false | true')).exitCode).toBe(1);
  });

  it('reports command not found as 127', async () => {
    t = createTestSession();
    const result = await t.run('definitely-not-a-command-xyz');
    expect(result).toMatchObject({ exitCode: 127, signal: null, error: null });
    expect(result.stderr).toMatch(/definitely-not-a-command-xyz: command not found/);
  });

  it('reports the signal that killed bash', async () => {
    t = createTestSession();
    expect(await t.run('kill -9 $$')).toMatchObject({ exitCode: null, signal: 'SIGKILL', timedOut: false, cancelled: false });
  });

  it('runs a cell in its cwd attribute, relative to the session’s, for that cell only', async () => {
    t = createTestSession();
    mkdirSync(join(t.dir, 'sub', 'deeper'), { recursive: true });
    expect(await t.run('pwd', { cwd: 'sub' })).toMatchObject({ stdout: `${t.dir}/sub\n`, cwd: `${t.dir}/sub` });
    expect(t.session.cwd()).toBe(t.dir);
    await t.run('cd deeper', { cwd: 'sub' });
    expect(t.session.cwd()).toBe(`${t.dir}/sub/deeper`);
    expect((await t.run('pwd', { cwd: '~/sub' })).stdout).toBe(`${t.dir}/sub\n`);
  });

  it('fails a cell with a bad cwd without throwing', async () => {
    t = createTestSession();
    writeFileSync(join(t.dir, 'file'), '');
    expect(await t.run('echo no', { cwd: 'missing' })).toMatchObject({ exitCode: null, stdout: '', error: expect.stringMatching(/"missing" .* does not exist/) });
    expect((await t.run('echo no', { cwd: 'file' })).error).toMatch(/is not a directory/);
  });

  it('fails a cell whose bash cannot start without throwing', async () => {
    t = createTestSession({ bash: '/nonexistent/bash' });
    expect(await t.run('echo no')).toMatchObject({ exitCode: null, stateSaved: false, error: expect.stringMatching(/cannot start \/nonexistent\/bash: .*ENOENT/) });
  });

  it('gives an interactive cell the terminal and does not capture its output', async () => {
    t = createTestSession();
    const result = await t.run('echo "$LITOPS_CELL" > seen.txt; kept=yes; exit 4', { id: 'tty', interactive: true });
    expect(result).toMatchObject({ exitCode: 4, stdout: '', stderr: '', leftovers: 0, stateSaved: true });
    expect((await t.run('cat seen.txt; echo "$kept"')).stdout).toBe('tty\nyes\n');
  });
});
