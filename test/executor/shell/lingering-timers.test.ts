import { describe, expect, it } from 'vitest';
import { createTestSession } from './helpers.js';

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('a finished cell', () => {
  it('leaves no timer armed, so litops exits as soon as the run ends', async () => {
    const { session, run, dispose } = createTestSession();
    try {
      const before = timers();
      const result = await run('echo hello');
      expect(result.exitCode).toBe(0);
      expect(timers()).toBe(before);
      await session.close();
    } finally {
      await dispose();
    }
  });
});
