import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { requireTmux, startTmux, type TmuxSession, waitForExit } from '../../support/tmux.js';

const run = promisify(execFile);
const ROOT = new URL('../../../', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/litops.js');
/** The shared corpus of real public runbooks, beside the repository (never copied into it). */
const CORPUS = join(ROOT, '../shared/corpus');
const FORCE_DELETE = 'kubernetes__website__content__en__docs__tasks__run-application__force-delete-stateful-set-pod.md';
const MAJOR_UPGRADE = 'timescale__docs__self-hosted__upgrades__major-upgrade.md';

const sessions: TmuxSession[] = [];
const dirs: string[] = [];

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.kill()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })));
});

/** A corpus runbook's path; fails (never skips) when the corpus is missing. */
function findCorpusRunbook(name: string): string {
  const path = join(CORPUS, name);
  if (!existsSync(path)) throw new Error(`the corpus of real runbooks is missing ${name}: ${CORPUS} (it is ../shared/corpus beside the repository)`);
  return path;
}

/**
 * A working directory with a signing key and fakes of `tools` first on PATH:
 * each prints its argument count and then each argument on a line of its own,
 * and appends its arguments, NUL-terminated, to `<dir>/<tool>.args` (what it
 * got, before litops redacts its output).
 */
async function prepare(tools: string[]): Promise<{ dir: string; env: Record<string, string> }> {
  const dir = await mkdtemp(join(tmpdir(), 'litops-e2e-'));
  dirs.push(dir);
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'oncall@example.com', '-f', join(dir, 'key')]);
  const bin = join(dir, 'bin');
  await mkdir(bin);
  for (const tool of tools) {
    await writeFile(join(bin, tool), `#!/bin/sh\nprintf '%s\\0' "$@" >> '${join(dir, `${tool}.args`)}'\nprintf '${tool} argc:%s\\n' "$#"\nprintf 'arg:%s\\n' "$@"\n`);
    await chmod(join(bin, tool), 0o755);
  }
  return { dir, env: { PATH: `${bin}:${process.env.PATH ?? ''}`, LITOPS_SIGNING_KEY: join(dir, 'key'), HOME: dir } };
}

async function start(command: string, dir: string, env: Record<string, string>): Promise<TmuxSession> {
  const session = await startTmux(command, { cwd: dir, env, cols: 100, rows: 30 });
  sessions.push(session);
  return session;
}

/**
 * Answers the inputs screen by the name it shows, so the test holds whatever
 * order the inputs come in; returns the names asked for. Fails on a name
 * `values` lacks.
 */
async function answerInputs(ui: TmuxSession, values: Record<string, string>, check?: (name: string, screen: string) => void): Promise<string[]> {
  const asked: string[] = [];
  for (;;) {
    const screen = await ui.waitFor(new RegExp(`^Input ${asked.length + 1} of \\d+: \\w+$`, 'm'));
    const [, total, name] = screen.match(/^Input \d+ of (\d+): (\w+)$/m)!;
    if (!Object.hasOwn(values, name!)) throw new Error(`the TUI asked for ${name}, which the test has no value for:\n${screen}`);
    asked.push(name!);
    const value = values[name!]!;
    await ui.type(value);
    // The whole value shows, as typed or masked (one bullet a character).
    check?.(name!, await ui.waitFor(new RegExp(`^${name} = (${escapeRegExp(value)}|•{${value.length}})$`, 'm')));
    await ui.send('Enter');
    if (asked.length === Number(total)) return asked;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function readRun(logDir: string): Promise<{ runDir: string; events: Array<Record<string, unknown>> }> {
  const [runName] = await readdir(logDir);
  const runDir = join(logDir, runName!);
  const events = (await readFile(join(runDir, 'events.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  return { runDir, events };
}

/** The stdout a `cell.end` event recorded, as written in the run directory. */
async function readStdout(runDir: string, end: Record<string, unknown> | undefined): Promise<string> {
  const files = end?.files as { stdout: { path: string } } | undefined;
  if (!files) throw new Error(`no output files in ${JSON.stringify(end)}`);
  return readFile(join(runDir, files.stdout.path), 'utf8');
}

async function verify(runDir: string): Promise<{ code: number; out: string }> {
  return run('node', [BIN, 'verify', runDir]).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  );
}

/** Finishes a run whose last cell has passed: sign it, read the summary, leave. */
async function finish(ui: TmuxSession): Promise<string> {
  await ui.send('Enter');
  await ui.waitFor('All steps done: finish and sign the run?');
  await ui.send('y');
  const summary = await ui.waitFor(/log ✓ valid/);
  await ui.send('q');
  expect(await waitForExit(ui)).toBe(0);
  return summary;
}

describe('<placeholders> of a real runbook in the terminal UI (tmux)', () => {
  it('asks for <pod>, passes the typed value to kubectl as one quoted word, and records it', async (context) => {
    const runbook = findCorpusRunbook(FORCE_DELETE);
    requireTmux(context);
    const { dir, env } = await prepare(['kubectl']);
    const pwned = join(dir, 'pwned');
    const pod = `web-0; touch ${pwned}`;
    const logDir = join(dir, 'runs');
    // The graceful delete and the finalizer patch, both destructive (each confirmed by name), both reading <pod>.
    const cells = ['main/delete-pods/1', 'delete-pods/force-deletion/3'];
    const ui = await start(`node ${BIN} run ${runbook} ${cells.map((id) => `--only ${id}`).join(' ')} --log-dir ${logDir}`, dir, env);

    const overview = await ui.waitFor('Enter start');
    expect(overview).toMatch(/^\s+POD\b.* asked when you start\b/m);
    await ui.send('Enter');
    const asked = await answerInputs(ui, { POD: pod }, (_name, screen) => {
      expect(screen).toContain('stands for <pod> (line 37)');
      expect(screen).toMatch(/^POD = web-0; touch .*\/pwned$/m);
    });
    expect(asked).toEqual(['POD']);
    await ui.waitFor('Enter run/next');

    await ui.send('Enter');
    await ui.waitFor("Type the cell's name (main/delete-pods/1)");
    await ui.type('main/delete-pods/1');
    await ui.send('Enter');
    const deleted = await ui.waitFor('✓ passed · exit 0');
    expect(deleted).toMatch(/^\s+1 │ kubectl delete pods "\$\{POD\}"$/m);
    expect(deleted).toMatch(/^\s+kubectl argc:3\n\s+arg:delete\n\s+arg:pods\n\s+arg:web-0; touch \S+\/pwned$/m);

    await ui.send(['Enter', 'Enter']);
    await ui.waitFor("Type the cell's name (delete-pods/force-deletion/3)");
    await ui.type('delete-pods/force-deletion/3');
    await ui.send('Enter');
    await ui.waitFor(/^\s+arg:patch$/m);
    const patched = await ui.waitFor('✓ passed · exit 0');
    expect(patched).toMatch(/^\s+kubectl argc:5\n\s+arg:patch\n\s+arg:pod\n\s+arg:web-0; touch \S+\/pwned\n\s+arg:-p\n\s+arg:\{"metadata":\{"finalizers":null\}\}$/m);
    expect(await finish(ui)).toContain('Run passed (exit 0)');
    expect(existsSync(pwned)).toBe(false);
    expect(await readFile(join(dir, 'kubectl.args'), 'utf8')).toBe(`delete\0pods\0${pod}\0patch\0pod\0${pod}\0-p\0{"metadata":{"finalizers":null}}\0`);

    const { runDir, events } = await readRun(logDir);
    expect(events[0]).toMatchObject({
      type: 'run.start',
      mode: 'interactive',
      inputs: { POD: pod },
      inputSources: { POD: 'prompt' },
      plan: cells,
      runbook: { sha256: createHash('sha256').update(await readFile(runbook)).digest('hex') },
    });
    const starts = events.filter((e) => e.type === 'cell.start');
    expect(starts.map((e) => [e.cell, e.source])).toEqual([
      ['main/delete-pods/1', 'kubectl delete pods "${POD}"'],
      ['delete-pods/force-deletion/3', `kubectl patch pod "\${POD}" -p '{"metadata":{"finalizers":null}}'`],
    ]);
    const ends = events.filter((e) => e.type === 'cell.end');
    expect(ends.map((e) => e.status)).toEqual(['passed', 'passed']);
    expect(await readStdout(runDir, ends[0])).toBe(`kubectl argc:3\narg:delete\narg:pods\narg:${pod}\n`);
    expect(await readStdout(runDir, ends[1])).toBe(`kubectl argc:5\narg:patch\narg:pod\narg:${pod}\narg:-p\narg:{"metadata":{"finalizers":null}}\n`);
    expect(events.filter((e) => e.type === 'decision' && e.action === 'confirm').map((e) => [e.cell, e.by])).toEqual([['main/delete-pods/1', 'operator'], ['delete-pods/force-deletion/3', 'operator']]);
    expect(events.at(-1)).toMatchObject({ type: 'run.end', status: 'passed', exitCode: 0 });

    const verified = await verify(runDir);
    expect(verified.out).toMatch(/^valid/);
    expect(verified.code).toBe(0);
  }, 90_000);

  it('masks a secret <password> as it is typed, passes it to the command, and never writes it to the log', async (context) => {
    const runbook = findCorpusRunbook(MAJOR_UPGRADE);
    requireTmux(context);
    const { dir, env } = await prepare(['psql']);
    const password = 'Hunter2-e2e-Secret';
    const values: Record<string, string> = { DB_NAME: 'tsdb', PASSWORD: password, SOURCE_HOST: 'db.example', SOURCE_PORT: '5432', USER_VALUE: 'alice' };
    const logDir = join(dir, 'runs');
    // <user> becomes ${USER_VALUE}: the login's $USER (set to someone else here) must never fill it.
    // `export SOURCE="postgres://<user>:<password>@<source host>:<source port>/<db_name>"`, then `psql -d $SOURCE`.
    const cells = ['export-your-policy-settings/set-your-connection-string/1', 'export-your-policy-settings/connect-to-your-postgresql-deployment/1'];
    const ui = await start(`node ${BIN} run ${runbook} ${cells.map((id) => `--only ${id}`).join(' ')} --log-dir ${logDir}`, dir, { ...env, USER: 'login-user' });

    const overview = await ui.waitFor('Enter start');
    expect(overview).toMatch(/^\s+PASSWORD\b.* asked when you start\b/m);
    await ui.send('Enter');
    const asked = await answerInputs(ui, values, (name, screen) => {
      if (name === 'PASSWORD') {
        expect(screen).toContain('secret: masked here, redacted from output and never written to the log');
        expect(screen).toMatch(new RegExp(`^PASSWORD = •{${password.length}}$`, 'm'));
        expect(screen).not.toContain(password);
      } else {
        expect(screen).toMatch(new RegExp(`^${name} = ${values[name]}$`, 'm'));
      }
    });
    expect(asked).toEqual(expect.arrayContaining(['DB_NAME', 'PASSWORD', 'SOURCE_HOST', 'SOURCE_PORT', 'USER_VALUE']));
    await ui.waitFor('Enter run/next');

    await ui.send('Enter');
    await ui.waitFor('✓ passed · exit 0');
    // `psql -d $SOURCE` opens a session that waits for a person: a blocking cell, handed the real
    // terminal (what it prints goes there, not to litops: neither recorded nor redacted by it).
    await ui.send('Enter');
    const pane = await ui.waitFor(/⏸ blocking: psql/);
    expect(pane).toContain('gets the terminal; Ctrl-C ends it as done');
    await ui.send('Enter');
    const connected = await ui.waitFor(/✓ passed · exit 0 · .* Enter: next/);
    expect(connected).toMatch(/✓ ⏸ Connect to your/);
    expect(connected).not.toContain(password);
    expect(await finish(ui)).toContain('Run passed (exit 0)');

    const { runDir, events } = await readRun(logDir);
    expect(events[0]).toMatchObject({
      type: 'run.start',
      inputs: { DB_NAME: 'tsdb', PASSWORD: '[REDACTED]', SOURCE_HOST: 'db.example', SOURCE_PORT: '5432', USER_VALUE: 'alice' },
      inputSources: { DB_NAME: 'prompt', PASSWORD: 'prompt', SOURCE_HOST: 'prompt', SOURCE_PORT: 'prompt', USER_VALUE: 'prompt' },
      plan: cells,
    });
    expect(events.filter((e) => e.type === 'cell.start').map((e) => e.source)).toEqual([
      'export SOURCE="postgres://${USER_VALUE}:${PASSWORD}@${SOURCE_HOST}:${SOURCE_PORT}/${DB_NAME}"',
      'psql -d $SOURCE',
    ]);
    // The command got the password; its recorded output and the rest of the run directory have it nowhere.
    expect(await readFile(join(dir, 'psql.args'), 'utf8')).toBe(`-d\0postgres://alice:${password}@db.example:5432/tsdb\0`);
    const ends = events.filter((e) => e.type === 'cell.end');
    expect(ends[1]).toMatchObject({ status: 'passed', exitCode: 0, stopped: null });
    expect(await readStdout(runDir, ends[1])).toBe('');
    for (const file of await readdir(runDir, { recursive: true })) {
      if (!(await stat(join(runDir, file))).isFile()) continue;
      expect(await readFile(join(runDir, file), 'utf8'), file).not.toContain(password);
    }

    const verified = await verify(runDir);
    expect(verified.out).toMatch(/^valid/);
    expect(verified.code).toBe(0);
  }, 90_000);
});
