import { execFile } from 'node:child_process';
import { appendFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { requireTmux, startTmux, type TmuxSession, waitForExit } from '../../support/tmux.js';

const run = promisify(execFile);
const ROOT = new URL('../../../', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/litops.js');
const FOLLOW = join(ROOT, 'test/tui/fixtures/follow.md');

const sessions: TmuxSession[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.kill()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })));
});

describe('a blocking cell in the terminal UI (tmux)', () => {
  it('tail -f gets the terminal and says how to leave; lines appear live; Ctrl-C ends it as done; the run goes on, finishes and verifies', async (context) => {
    requireTmux(context);
    const dir = await mkdtemp(join(tmpdir(), 'litops-e2e-follow-'));
    dirs.push(dir);
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'oncall@example.com', '-f', join(dir, 'key')]);
    const followed = join(dir, 'service.log');
    await writeFile(followed, 'service started\n');
    const logDir = join(dir, 'runs');
    const env = { LITOPS_SIGNING_KEY: join(dir, 'key'), HOME: dir, FOLLOW_FILE: followed };
    // As an operator's shell runs it: a foreground job in a process group of its own (set -m; the `exit`
    // keeps bash from exec-ing node in the pane's group), so the terminal's Ctrl-C reaches litops and the
    // cell only. Without it the pane's sh gets the SIGINT too and, as POSIX shells do, dies of it once
    // its child exits, whatever litops's status.
    const ui = await startTmux(`exec bash -c 'set -m; node ${BIN} run ${FOLLOW} --log-dir ${logDir}; exit $?'`, { cwd: dir, env, cols: 80, rows: 24 });
    sessions.push(ui);

    await ui.waitFor('Enter start');
    await ui.send('Enter');
    const stepper = await ui.waitFor('Enter run/next');
    expect(stepper).toMatch(/⏸ blocking: tail -f/);

    await ui.send('Enter');
    const handed = await ui.waitFor('Ctrl-C ends it, and the run goes on');
    expect(handed).toMatch(/⏸ follow is blocking: tail -f/);
    await ui.waitFor(/^service started$/m);
    await appendFile(followed, 'request 1 served\n');
    await ui.waitFor(/^request 1 served$/m);
    await appendFile(followed, 'request 2 served\n');
    await ui.waitFor(/^request 2 served$/m);
    expect(await ui.capture()).not.toContain('Enter run/next');

    await ui.send('C-c');
    const back = await ui.waitFor('ended with Ctrl-C: counted as done');
    expect(back).toMatch(/✓ passed · (signal SIGINT|exit 130) · /);
    expect(back).toMatch(/✓ ⏸ Follow the log/);
    expect(await ui.isAlive()).toBe(true);

    await ui.send('Enter');
    await ui.waitFor(/after · shell/);
    await ui.send('Enter');
    await ui.waitFor(/^\s+after$/m);
    await ui.waitFor('✓ passed · exit 0');
    await ui.send('Enter');
    await ui.waitFor('All steps done: finish and sign the run?');
    await ui.send('y');
    const summary = await ui.waitFor(/log ✓ valid/);
    expect(summary).toContain('Run passed (exit 0)');
    await ui.send('q');
    expect(await waitForExit(ui)).toBe(0);

    const [runName] = await readdir(logDir);
    const runDir = join(logDir, runName!);
    const events = (await readFile(join(runDir, 'events.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const ends = events.filter((event) => event.type === 'cell.end');
    expect(ends.map((end) => [end.cell, end.status])).toEqual([['follow', 'passed'], ['after', 'passed']]);
    expect(ends[0]).toMatchObject({ timedOut: false, error: null, stopped: { by: 'operator', note: expect.stringMatching(/ended by the operator \(Ctrl-C\); counted as done$/) } });
    expect(ends[0]!.signal === 'SIGINT' || ends[0]!.exitCode === 130).toBe(true);
    expect(events.find((event) => event.type === 'run.start')).toMatchObject({ mode: 'interactive', timeout: { ms: null, source: 'none' } });
    expect(events.at(-1)).toMatchObject({ type: 'run.end', status: 'passed', exitCode: 0 });
    // Nothing of the follow is left behind.
    const { stdout: processes } = await run('ps', ['-eo', 'args']);
    expect(processes).not.toContain(`tail -f ${followed}`);

    const verified = await run('node', [BIN, 'verify', runDir]).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(verified.code, verified.stdout).toBe(0);
    expect(verified.stdout).toMatch(/^valid/);
  }, 90_000);
});
