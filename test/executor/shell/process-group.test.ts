import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestSession, isRunning, type TestSession } from './helpers.js';

let t: TestSession;
afterEach(async () => t.dispose());

const readPid = (dir: string): number => Number(readFileSync(join(dir, 'pid'), 'utf8'));
const startGrandchild = 'sleep 300 & echo $! > pid\necho ready\nwait';

describe('the cell’s process group', () => {
  it('ends the whole group on timeout', async () => {
    t = createTestSession();
    const result = await t.run(startGrandchild, { timeoutMs: 1000 });
    expect(result).toMatchObject({ timedOut: true, cancelled: false, exitCode: null, signal: 'SIGTERM', error: 'timed out after 1000 ms' });
    expect(result.stdout).toBe('ready\n');
    expect(isRunning(readPid(t.dir))).toBe(false);
  });

  it('ends the whole group when the signal aborts', async () => {
    t = createTestSession();
    const controller = new AbortController();
    const result = await t.session.run(
      { id: 'abort', source: startGrandchild },
      { onOutput: (_stream, chunk) => void (chunk.includes('ready') && controller.abort()), signal: controller.signal },
    );
    expect(result).toMatchObject({ cancelled: true, timedOut: false, exitCode: null, signal: 'SIGTERM', error: 'cancelled' });
    expect(isRunning(readPid(t.dir))).toBe(false);
  });

  it('does not start a cell whose signal already aborted', async () => {
    t = createTestSession();
    const result = await t.session.run({ id: 'never', source: 'touch ran' }, { onOutput: () => undefined, signal: AbortSignal.abort() });
    expect(result).toMatchObject({ cancelled: true, exitCode: null, stateSaved: false });
  });

  it('ends processes left in the group when bash exits, and counts them', async () => {
    t = createTestSession();
    const result = await t.run('sleep 300 & echo $! > pid\n( sleep 301 & )\necho started');
    expect(result).toMatchObject({ exitCode: 0, signal: null, leftovers: 2, stdout: 'started\n', error: null });
    expect(isRunning(readPid(t.dir))).toBe(false);
  });

  it('does not hang when a process that left the group holds the pipes', async () => {
    t = createTestSession({ killGraceMs: 500 });
    const result = await t.run('setsid sleep 300 & echo $! > pid\necho started');
    const escaped = readPid(t.dir);
    try {
      expect(result).toMatchObject({ exitCode: 0, leftovers: 0, stdout: 'started\n' });
    } finally {
      process.kill(escaped, 'SIGKILL');
    }
  });

  it('reports no leftovers for a cell that waits for its children', async () => {
    t = createTestSession();
    expect(await t.run('sleep 0.1 & wait; echo done | cat')).toMatchObject({ exitCode: 0, leftovers: 0 });
  });

  it('ends a running cell on close()', async () => {
    t = createTestSession();
    let closing: Promise<void> | undefined;
    const result = await t.session.run({ id: 'closing', source: startGrandchild }, { onOutput: () => void (closing = t.session.close()) });
    await closing;
    expect(result.cancelled).toBe(true);
    expect(isRunning(readPid(t.dir))).toBe(false);
  });
});
