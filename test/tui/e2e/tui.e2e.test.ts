import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { requireTmux, startTmux, type TmuxSession, waitForExit } from '../../support/tmux.js';

const run = promisify(execFile);
const ROOT = new URL('../../../', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/litops.js');
const DRILL = join(ROOT, 'test/tui/fixtures/tui-drill.md');
const FLOOD = join(ROOT, 'test/tui/fixtures/flood.md');
const FAILURE = join(ROOT, 'test/tui/fixtures/tui-failure.md');
const SLOW = join(ROOT, 'test/tui/fixtures/slow.md');

const sessions: TmuxSession[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.kill()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })));
});

/** A working directory with a signing key and an editor script that rewrites the cell. */
async function prepare(): Promise<{ dir: string; env: Record<string, string> }> {
  const dir = await mkdtemp(join(tmpdir(), 'litops-e2e-'));
  dirs.push(dir);
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'oncall@example.com', '-f', join(dir, 'key')]);
  const editor = join(dir, 'edit.sh');
  await writeFile(editor, '#!/bin/sh\nsed -i "s/original/edited-by-script/" "$1"\n');
  await chmod(editor, 0o755);
  return { dir, env: { EDITOR: editor, LITOPS_SIGNING_KEY: join(dir, 'key'), SCRATCH: join(dir, 'scratch'), HOME: dir } };
}

async function start(command: string, dir: string, env: Record<string, string>): Promise<TmuxSession> {
  const session = await startTmux(command, { cwd: dir, env, cols: 80, rows: 24 });
  sessions.push(session);
  return session;
}

async function readEvents(runDir: string): Promise<Array<Record<string, unknown>>> {
  return (await readFile(join(runDir, 'events.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the terminal UI in a real terminal (tmux)', () => {
  it('runs, skips, edits, confirms, marks, quits, resumes and finishes, all in a log that verifies', async (context) => {
    requireTmux(context);
    const { dir, env } = await prepare();
    const logDir = join(dir, 'runs');
    const ui = await start(`node ${BIN} run ${DRILL} --log-dir ${logDir}`, dir, env);
    await ui.waitFor('Enter start');
    await ui.send('Enter');
    await ui.waitFor('Enter run/next');

    await ui.send('Enter');
    await ui.waitFor(/^\s+hello from litops$/m);
    await ui.waitFor('✓ passed · exit 0');

    await ui.send(['Enter', 's']);
    await ui.waitFor('why? (recorded in the log)');
    await ui.type('not needed tonight');
    await ui.send('Enter');
    await ui.waitFor('↷ Something we will skip');

    await ui.send('E');
    await ui.waitFor('Edited greet: -1 +1 lines');
    const review = await ui.capture();
    expect(review).toContain('- echo "greeting: original"');
    expect(review).toContain('+ echo "greeting: edited-by-script"');
    await ui.send('Enter');
    await ui.waitFor(/^\s+greeting: edited-by-script$/m);
    await ui.waitFor('✓ passed · exit 0');

    await ui.send(['Enter', 'Enter']);
    await ui.waitFor("Type the cell's name (clean-scratch)");
    await ui.type('clean');
    await ui.send('Enter');
    await ui.waitFor('is not the cell\'s name');
    await ui.type('clean-scratch');
    await ui.send('Enter');
    await ui.waitFor(/^\s+cleaned$/m);

    await ui.send('c');
    await ui.waitFor('Checklist · 2 entries');
    await ui.send('y');
    await ui.type('paged in at 03:10');
    await ui.send('Enter');
    await ui.waitFor('“paged in at 03:10” (operator)');
    await ui.send('Escape');
    await ui.waitFor('Enter run/next');

    await ui.send('q');
    await ui.waitFor('The run stays resumable');
    await ui.send('y');
    expect(await waitForExit(ui)).toBe(130);
    const paused = await ui.capture();
    const [runName] = await readdir(logDir);
    const runDir = join(logDir, runName!);
    expect(paused).toContain('litops resume');

    const resumed = await start(`node ${BIN} resume ${runDir}`, dir, env);
    await resumed.waitFor('resumed');
    const screen = await resumed.capture();
    expect(screen).toMatch(/✓ Say hello/);
    expect(screen).toMatch(/↷ Something we will skip/);
    expect(screen).toMatch(/▶|·\s+Count to three/);
    await resumed.send('Enter');
    await resumed.waitFor(/^\s+count 3$/m);
    await resumed.send('c');
    await resumed.waitFor('Checklist');
    await resumed.send(['Down', 'y']);
    await resumed.send('Enter');
    await resumed.waitFor(/✓ criterion: The greeting was printed.*\(operator\)/);
    await resumed.send('Escape');
    await resumed.waitFor('Enter run/next');
    await resumed.send('Enter');
    await resumed.waitFor('All steps done: finish and sign the run?');
    await resumed.send('y');
    const summary = await resumed.waitFor(/log ✓ valid/);
    expect(summary).toContain('Run passed (exit 0)');
    expect(summary).toContain(`litops report --format html`);
    await resumed.send('q');
    expect(await waitForExit(resumed)).toBe(0);

    const events = await readEvents(runDir);
    const decisions = events.filter((e) => e.type === 'decision').map((e) => ({ action: e.action, cell: e.cell, by: e.by, reason: e.reason }));
    expect(decisions).toEqual([
      { action: 'run', cell: 'hello', by: 'operator', reason: 'run by the operator' },
      { action: 'skip', cell: 'optional-step', by: 'operator', reason: 'not needed tonight' },
      { action: 'edit', cell: 'greet', by: 'operator', reason: 'edited by the operator, then run' },
      { action: 'run', cell: 'clean-scratch', by: 'operator', reason: 'run by the operator' },
      { action: 'confirm', cell: 'clean-scratch', by: 'operator', reason: expect.stringContaining('confirmed by typing its name') },
      { action: 'confirm', cell: null, by: 'operator', reason: expect.stringMatching(/^prerequisite .*: pass \(paged in at 03:10\)$/) },
      { action: 'run', cell: 'count', by: 'operator', reason: 'run by the operator' },
    ]);
    const edit = events.find((e) => e.type === 'decision' && e.action === 'edit')!;
    expect(edit.source).toBe('echo "greeting: edited-by-script"');
    const editedStart = events.find((e) => e.type === 'cell.start' && e.cell === 'greet')!;
    expect(editedStart.originalSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(events.find((e) => e.type === 'criterion')).toMatchObject({ result: 'pass', by: 'operator' });
    expect(events.some((e) => e.type === 'run.resume')).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: 'run.end', status: 'passed', exitCode: 0 });
    expect(events[0]).toMatchObject({ type: 'run.start', mode: 'interactive' });

    const verify = await run('node', [BIN, 'verify', runDir]).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );
    expect(verify.out).toMatch(/^valid/);
    expect(verify.code).toBe(0);
  }, 90_000);

  it('a flood of 100,000 lines with hostile escapes leaves the screen intact', async (context) => {
    requireTmux(context);
    const { dir, env } = await prepare();
    const ui = await start(`node ${BIN} run ${FLOOD} --log-dir ${join(dir, 'runs')}`, dir, env);
    await ui.waitFor('Enter start');
    await ui.send('Enter');
    await ui.waitFor('Enter run/next');
    await ui.send('Enter');
    await ui.waitFor(/^\s+flood done$/m, { timeoutMs: 60_000 });
    const screen = await ui.waitFor('✓ passed · exit 0');
    const lines = screen.split('\n');
    expect(lines[0]).toMatch(/^ Flood/);
    expect(lines.filter((line) => line.trim()).at(-1)).toContain('Enter run/next');
    expect(screen).toMatch(/^\s+flood line 100000$/m);
    expect(screen).toContain('✓ passed · exit 0');
    expect(screen).not.toMatch(/^moved/m);
    // The escapes are shown as text, not obeyed: no title, no clipboard, no clear, no cursor moves.
    expect(screen).toContain('tail ␛]0;PWNED-TITLE␇␛[2J␛[H␛]52;c;cHduZWQ=␇');
    expect(screen).toContain('␛[?1049l␛[?25l␛[10;10Hmoved␛[1;1r');
    expect(await ui.paneTitle()).not.toContain('PWNED');
    const styled = await ui.captureWithEscapes();
    // Colours are kept.
    expect(styled).toMatch(/\u001b\[31mstill red/);
    await ui.send('o');
    await ui.waitFor('earlier lines are');
    await ui.send('PPage');
    await ui.waitFor(/flood line 99\d{3}/);
    expect((await ui.capture()).split('\n')[0]).toMatch(/^ Flood/);
    await ui.send('Escape');
    await ui.waitFor('Enter run/next');
    await ui.send('Enter');
    await ui.send('Enter');
    await ui.waitFor(/^\s+after the flood$/m);
    await ui.send(['q', 'y']);
    expect(await waitForExit(ui)).toBe(130);
  }, 120_000);

  it('SQL tables, an interactive cell on the real terminal, failure guidance, bound checks, resize and abort', async (context) => {
    requireTmux(context);
    const { dir, env } = await prepare();
    const logDir = join(dir, 'runs');
    const ui = await start(`node ${BIN} run ${FAILURE} --log-dir ${logDir}`, dir, env);
    await ui.waitFor('Enter start');
    await ui.send('Enter');
    await ui.waitFor('Enter run/next');
    await ui.send('Enter');
    const table = await ui.waitFor('✓ passed', { timeoutMs: 60_000 });
    expect(table).toMatch(/lag_seconds\s*\|\s*replica/);
    expect(table).toMatch(/0\.12\s*\|\s*replica-1/);

    await ui.send('Enter');
    await ui.waitFor('interactive: gets the terminal');
    await ui.send('Enter');
    await ui.waitFor(/^ticket\? ?$/m);
    expect(await ui.capture()).not.toContain('Enter run/next');
    await ui.type('INC-42');
    await ui.send('Enter');
    const back = await ui.waitFor('Enter run/next');
    // `read -p` waits for a person: blocking (⏸) as well as interactive.
    expect(back).toMatch(/✓ ⏸ Note the ticket num/);

    await ui.send(['Enter']);
    await ui.waitFor('restart · shell');
    await ui.send('Enter');
    const failed = await ui.waitFor('✗ failed · exit 3');
    expect(failed).toContain('☎ Escalation');
    expect(failed).toContain('Page the database on-call: +1 555 0100');
    expect(failed).toContain('Start the old worker again');

    await ui.send('c');
    await ui.waitFor('lag value < 0.5: actual 0.12');

    await ui.resize(100, 30);
    await ui.waitFor(/^ Failover check {40,}/m);
    let screen = await ui.capture();
    expect(screen.split('\n').filter((line) => line.trim()).at(-1)).toContain('Esc back');
    await ui.resize(60, 20);
    await ui.waitFor((/^ Failover check {10,30}run/m));
    screen = await ui.capture();
    for (const line of screen.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
    expect(screen.split('\n').filter((line) => line.trim()).at(-1)).toContain('y pass');
    await ui.resize(80, 24);

    await ui.send('Escape');
    await ui.waitFor('Enter run/next');
    await ui.send('a');
    await ui.waitFor('Abort the run');
    await ui.type('worker host is gone');
    await ui.send('Enter');
    const summary = await ui.waitFor(/log ✓ valid/);
    expect(summary).toContain('Run interrupted (exit 130)');
    expect(summary).toContain('aborted by the operator: worker host is gone');
    await ui.send('q');
    expect(await waitForExit(ui)).toBe(130);
    const [runName] = await readdir(logDir);
    const events = await readEvents(join(logDir, runName!));
    expect(events.find((e) => e.type === 'decision' && e.action === 'abort')).toMatchObject({ reason: 'worker host is gone', by: 'operator' });
    expect(events.find((e) => e.type === 'cell.end' && e.cell === 'ticket')).toMatchObject({ status: 'passed' });
    expect(events.at(-1)).toMatchObject({ type: 'run.end', status: 'interrupted', exitCode: 130 });

    // An aborted run ended interrupted: it can be reopened, on the stepper, not on its old summary.
    const again = await start(`node ${BIN} resume ${join(logDir, runName!)}`, dir, env);
    const reopened = await again.waitFor('resumed', { timeoutMs: 60_000 });
    expect(reopened).toContain('Enter run/next');
    expect(reopened).toMatch(/✗ Restart the worker/);
    await again.send('q');
    await again.waitFor('The run stays resumable');
    await again.send('y');
    expect(await waitForExit(again)).toBe(130);
  }, 150_000);

  it('a closed terminal (SIGHUP) mid-cell leaves a signed, resumable log', async (context) => {
    requireTmux(context);
    const { dir, env } = await prepare();
    const logDir = join(dir, 'runs');
    const ui = await start(`node ${BIN} run ${SLOW} --log-dir ${logDir}`, dir, env);
    await ui.waitFor('Enter start');
    await ui.send('Enter');
    await ui.waitFor('Enter run/next');
    await ui.send('Enter');
    await ui.waitFor(/^\s+waiting$/m);
    await ui.kill();
    const [runName] = await readdir(logDir);
    const runDir = join(logDir, runName!);
    let events: Array<Record<string, unknown>> = [];
    for (let i = 0; i < 100 && !events.some((e) => e.type === 'cell.end'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      events = await readEvents(runDir);
    }
    expect(events.find((e) => e.type === 'cell.end')).toMatchObject({ cell: 'wait', status: 'cancelled' });
    const verify = await run('node', [BIN, 'verify', runDir]).then(
      () => ({ code: 0, out: '' }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );
    expect(verify.out).toMatch(/^incomplete/);
    expect(verify.code).toBe(4);
    const resumed = await run('node', [BIN, 'resume', runDir, '--ci', '--set', 'WAIT_SECONDS=0'], { env: { ...process.env, ...env }, cwd: dir }).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect('code' in resumed ? resumed.code : 0).toBe(0);
    const after = await readEvents(runDir);
    expect(after.filter((e) => e.type === 'cell.end').map((e) => [e.cell, e.status])).toEqual([['wait', 'cancelled'], ['wait', 'passed'], ['after', 'passed']]);
    expect(after.at(-1)).toMatchObject({ type: 'run.end', status: 'passed' });
  }, 60_000);
});
