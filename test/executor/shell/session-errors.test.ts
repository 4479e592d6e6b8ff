import { afterEach, describe, expect, it } from 'vitest';
import { createTestSession, type TestSession } from './helpers.js';

let t: TestSession;
afterEach(async () => t.dispose());

describe('litops’s own faults', () => {
  it('refuses a second cell while one runs', async () => {
    t = createTestSession();
    const first = t.run('sleep 0.2');
    await expect(t.run('true')).rejects.toMatchObject({ name: 'LitopsError', code: 'shell-session-busy' });
    expect((await first).exitCode).toBe(0);
  });

  it('refuses to run after close()', async () => {
    t = createTestSession();
    await t.session.close();
    await expect(t.run('true')).rejects.toMatchObject({ code: 'shell-session-closed' });
  });

  it('rejects an invalid timeout', async () => {
    t = createTestSession();
    await expect(t.run('true', { timeoutMs: 0 })).rejects.toMatchObject({ code: 'shell-invalid-timeout' });
    await expect(t.run('true', { timeoutMs: Number.NaN })).rejects.toMatchObject({ code: 'shell-invalid-timeout' });
  });
});
