import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as nextTurn, setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestSession, isRunning, type TestSession } from './helpers.js';

let t: TestSession;
afterEach(async () => t.dispose());

describe('cell output', () => {
  it('never splits a UTF-8 character across chunks', async () => {
    t = createTestSession();
    const chunks: string[] = [];
    // 6-byte lines: 64 KiB pipe reads end inside a character.
    const source = "{ yes 'é€' || true; } | head -c 3000000; printf '\\xe2\\x82'; sleep 0.1; printf '\\xac\\n'";
    await t.session.run({ id: 'utf8', source }, { onOutput: (_stream, chunk) => void chunks.push(chunk) });
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.some((chunk) => chunk.includes('\uFFFD'))).toBe(false);
    expect(chunks.join('')).toBe(`${'é€\n'.repeat(500_000)}€\n`);
  });

  it('shows invalid UTF-8 as U+FFFD and keeps stdout and stderr apart', async () => {
    t = createTestSession();
    const result = await t.run("printf 'a\\xffb\\n'; echo err >&2; echo out");
    expect(result).toMatchObject({ stdout: 'a\uFFFDb\nout\n', stderr: 'err\n' });
  });

  it('waits for onOutput’s promise before reading on, one call at a time, in order', async () => {
    t = createTestSession();
    const marker = join(t.dir, 'finished-writing');
    let inFlight = 0;
    let maxInFlight = 0;
    let text = '';
    let writerFinishedWhilePaused: boolean | undefined;
    const source = `seq 1 2000000\n: > '${marker}'`;
    const result = await t.session.run(
      { id: 'slow-reader', source },
      {
        onOutput: async (_stream, chunk) => {
          maxInFlight = Math.max(maxInFlight, ++inFlight);
          if (writerFinishedWhilePaused === undefined) {
            await delay(300);
            writerFinishedWhilePaused = existsSync(marker);
          } else {
            await nextTurn();
          }
          text += chunk;
          inFlight -= 1;
        },
      },
    );
    expect(result.exitCode).toBe(0);
    // ~15 MB cannot fit in the pipe and stream buffers: the writer must still be blocked.
    expect(writerFinishedWhilePaused).toBe(false);
    expect(maxInFlight).toBe(1);
    expect(text).toBe(`${Array.from({ length: 2_000_000 }, (_, i) => i + 1).join('\n')}\n`);
  });

  it('streams 100 MB without keeping it in memory', async () => {
    t = createTestSession();
    let bytes = 0;
    let calls = 0;
    const before = process.memoryUsage();
    let peakHeap = before.heapUsed;
    let peakRss = before.rss;
    const result = await t.session.run(
      { id: 'flood', source: "head -c 100000000 /dev/zero | tr '\\0' x" },
      {
        onOutput: (_stream, chunk) => {
          bytes += Buffer.byteLength(chunk);
          if (++calls % 32 === 0) {
            const now = process.memoryUsage();
            peakHeap = Math.max(peakHeap, now.heapUsed);
            peakRss = Math.max(peakRss, now.rss);
          }
        },
      },
    );
    expect(result.exitCode).toBe(0);
    expect(bytes).toBe(100_000_000);
    expect(peakHeap - before.heapUsed).toBeLessThan(64 * 1024 * 1024);
    expect(peakRss - before.rss).toBeLessThan(64 * 1024 * 1024);
  });

  it('ends the cell and rejects with a LitopsError when onOutput fails', async () => {
    t = createTestSession();
    const run = t.session.run(
      { id: 'broken-sink', source: 'sleep 300 & echo $! > pid\necho first\nwait' },
      {
        onOutput: () => {
          throw new Error('disk full');
        },
      },
    );
    await expect(run).rejects.toMatchObject({ name: 'LitopsError', code: 'shell-output-failed', cause: { message: 'disk full' } });
    expect(isRunning(Number(readFileSync(join(t.dir, 'pid'), 'utf8')))).toBe(false);
    expect((await t.run('echo next')).stdout).toBe('next\n');
  });
});
