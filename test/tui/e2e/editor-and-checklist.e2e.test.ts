import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { requireTmux, startTmux, type TmuxSession, waitForExit } from '../../support/tmux.js';

const run = promisify(execFile);
const ROOT = new URL('../../../', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/litops.js');
const DRILL = join(ROOT, 'test/tui/fixtures/tui-drill.md');
const CHECKED = join(ROOT, 'test/tui/fixtures/checked.md');
/** What npm 11 puts in the environment of a command `npx` starts, for a user with no EDITOR of their own. */
const NPX_ENV = { EDITOR: 'vi', npm_command: 'exec', npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js', npm_lifecycle_event: 'npx', VISUAL: '' };

const sessions: TmuxSession[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.kill()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })));
});

async function prepare(): Promise<{ dir: string; env: Record<string, string> }> {
  const dir = await mkdtemp(join(tmpdir(), 'litops-e2e-'));
  dirs.push(dir);
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'oncall@example.com', '-f', join(dir, 'key')]);
  return { dir, env: { LITOPS_SIGNING_KEY: join(dir, 'key'), SCRATCH: join(dir, 'scratch'), HOME: dir } };
}

async function start(command: string, dir: string, env: Record<string, string>): Promise<TmuxSession> {
  const session = await startTmux(command, { cwd: dir, env, cols: 80, rows: 24 });
  sessions.push(session);
  return session;
}

describe('editing under npx (tmux)', () => {
  it('e opens the inline editor though npm set EDITOR=vi; E says vi is npm\'s, not the operator\'s', async (context) => {
    requireTmux(context);
    const { dir, env } = await prepare();
    const ui = await start(`node ${BIN} run ${DRILL} --log-dir ${join(dir, 'runs')}`, dir, { ...env, ...NPX_ENV });
    await ui.waitFor('Enter start');
    await ui.send('Enter');
    await ui.waitFor('Enter run/next');
    await ui.send('e');
    const editing = await ui.waitFor('Editing hello · Ctrl-S save · Esc discard');
    expect(editing).toContain('echo "hello from litops"');
    await ui.send('Escape');
    await ui.waitFor('Enter run/next');
    await ui.send('E');
    await ui.waitFor("$EDITOR=vi is npm's default, not yours: set $VISUAL to use E; e edits inline");
    expect(await ui.isAlive()).toBe(true);
  });
});

describe('the checklist (tmux)', () => {
  it('keeps a check litops evaluated, and logs an override with its reason', async (context) => {
    requireTmux(context);
    const { dir, env } = await prepare();
    const logDir = join(dir, 'runs');
    const ui = await start(`node ${BIN} run ${CHECKED} --log-dir ${logDir}`, dir, env);
    await ui.waitFor('Enter start');
    await ui.send('Enter');
    await ui.waitFor('Enter run/next');
    await ui.send('Enter');
    await ui.waitFor('✓ passed · exit 0');

    await ui.send('c');
    await ui.waitFor(/✓ check: Fewer than ten widgets · widgets value < 10: actual 3 \(evaluated\)/);
    // The operator tries to mark it n/a: it needs a reason; without one it stays evaluated.
    await ui.send('-');
    await ui.waitFor('litops evaluated this: pass');
    await ui.send('Enter');
    await ui.waitFor('a reason is required to override');
    await ui.send('Escape');
    await ui.waitFor(/✓ check: Fewer than ten widgets · widgets value < 10: actual 3 \(evaluated\)/);
    // Marking what it already is changes nothing and says so.
    await ui.send('y');
    await ui.waitFor('litops evaluated this check: pass; it stays evaluated');

    await ui.send('-');
    await ui.waitFor('litops evaluated this: pass');
    await ui.type('widgets are counted elsewhere tonight');
    await ui.send('Enter');
    await ui.waitFor('– check overridden: Fewer than ten widgets · the check said pass · “widgets are');
    // The selection stayed on the entry just marked.
    const screen = await ui.capture();
    expect(screen).toMatch(/Checklist · 2 entries/);

    await ui.send('Escape');
    await ui.waitFor('Enter run/next');
    await ui.send('q');
    await ui.waitFor('The run stays resumable');
    await ui.send('y');
    await waitForExit(ui);
    const [runName] = await readdir(logDir);
    const events = (await readFile(join(logDir, runName!, 'events.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const criteria = events.filter((e) => e.type === 'criterion' && e.by === 'operator');
    expect(criteria).toHaveLength(1);
    expect(criteria[0]).toMatchObject({ result: 'n/a', by: 'operator', note: 'widgets are counted elsewhere tonight', overrides: { result: 'pass' } });
  });
});
