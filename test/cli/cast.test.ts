import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLitops } from './run-litops.js';

const hasAsciinema = (() => {
  try {
    execFileSync('asciinema', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasAsciinema && process.env.CI === 'true') throw new Error('asciinema is missing: .ci/run installs it; CI does not skip');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'litops-cast-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.skipIf(!hasAsciinema)('out/<n>.cast [skipped without asciinema]', () => {
  it('plays in asciinema and shows what the cell printed', async () => {
    await writeFile(join(dir, 'cast.md'), '# Cast\n```bash {name=show}\nprintf "one\\n"\nsleep 0.2\nprintf "two \\033[32mgreen\\033[0m\\n"\n```\n');
    const result = await runLitops(['run', join(dir, 'cast.md'), '--ci', '--log-dir', join(dir, 'runs')], { cwd: dir, env: { LITOPS_SIGNING_KEY: undefined } });
    expect(result.code).toBe(0);
    const runDir = join(dir, 'runs', readdirSync(join(dir, 'runs'))[0]!);
    // asciinema needs a terminal; script(1) gives it one.
    const played = execFileSync('script', ['-qec', `asciinema cat ${join(runDir, 'out/1.cast')}`, '/dev/null']).toString();
    expect(played).toBe('one\r\ntwo \u001b[32mgreen\u001b[0m\r\n');
  }, 60_000);
});

describe('out/<n>.cast title', () => {
  it("names the cell's own attempt, while the file keeps the run-wide number", async () => {
    await writeFile(join(dir, 'two.md'), '# Two\n```bash {name=first}\necho 1\n```\n```bash {name=second}\necho 2\n```\n');
    const result = await runLitops(['run', join(dir, 'two.md'), '--ci', '--log-dir', join(dir, 'two-runs')], { cwd: dir, env: { LITOPS_SIGNING_KEY: undefined } });
    expect(result.code, result.stderr).toBe(0);
    const runDir = join(dir, 'two-runs', readdirSync(join(dir, 'two-runs'))[0]!);
    const header = JSON.parse((await readFile(join(runDir, 'out/2.cast'), 'utf8')).split('\n')[0]!) as { title: string };
    expect(header.title).toBe('second (attempt 1)');
    const starts = (await readFile(join(runDir, 'events.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { type: string; cell: string; attempt: number; cellAttempt: number }).filter((e) => e.type === 'cell.start');
    expect(starts.map((e) => [e.cell, e.attempt, e.cellAttempt])).toEqual([['first', 1, 1], ['second', 2, 1]]);
  }, 60_000);
});
