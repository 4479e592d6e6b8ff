import { PassThrough } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { pumpOutput } from '../../../src/executor/shell/pump-output.js';

describe('pumpOutput', () => {
  it('does not count time spent in onOutput when abandoning pipes', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let received = 0;
    const pump = pumpOutput({ stdout, stderr }, async (_stream, chunk) => {
      await delay(30);
      received += chunk.length;
    });
    for (let i = 0; i < 8; i += 1) stdout.write('x'.repeat(100_000));
    stdout.end();
    stderr.end();
    pump.abandonAfter(10);
    await pump.finished;
    expect(received).toBe(800_000);
  });

  it('abandons pipes that stay open', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const chunks: string[] = [];
    const pump = pumpOutput({ stdout, stderr }, (stream, chunk) => void chunks.push(`${stream}:${chunk}`));
    stdout.write('still open');
    await delay(10);
    pump.abandonAfter(10);
    await pump.finished;
    expect(chunks).toEqual(['stdout:still open']);
    expect(stdout.destroyed && stderr.destroyed).toBe(true);
  });
});
