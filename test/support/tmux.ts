import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { TestContext } from 'vitest';

const runFile = promisify(execFile);

/** The terminal inside tmux; tmux-256color lacks a terminfo entry on some systems, xterm-256color never does. */
const DEFAULT_TERM = 'xterm-256color';
const POLL_MS = 50;

/**
 * What the pane runs. tmux loses the output of a command that ends at once
 * when the pane's terminal closes before tmux has read it (seen under load
 * with tmux 3.3a on Linux), so the terminal is held open a moment after the
 * command, whose status is passed on (128 + n after signal n).
 */
const PANE_SCRIPT = 'c=$LITOPS_TMUX_COMMAND; unset LITOPS_TMUX_COMMAND; /bin/sh -c "$c"; s=$?; sleep 0.15; exit $s';

/**
 * Variables that would make the command inside think it is not on an
 * operator's terminal: Ink renders only its last frame when `CI` or
 * `CONTINUOUS_INTEGRATION` is set (is-in-ci), chalk drops colour under `CI`,
 * and litops itself reads `CI`. Pass them in `env` to test that on purpose.
 */
const HIDDEN_VARIABLES = ['CI', 'CONTINUOUS_INTEGRATION', 'GITHUB_ACTIONS', 'GITLAB_CI', 'BUILDKITE', 'CIRCLECI', 'TRAVIS', 'NO_COLOR', 'FORCE_COLOR', 'COLUMNS', 'LINES', 'TMUX', 'TMUX_PANE'];

/** A command running in a terminal of its own: a private tmux server with one pane. */
export interface TmuxSession {
  /** The tmux target of the pane (`session:window.pane`). */
  name: string;
  /** Sends tmux key names (`'Enter'`, `'C-c'`, `'BSpace'`, `'PPage'`), or with `literal` the strings as text. */
  send(keys: string[] | string, options?: { literal?: boolean }): Promise<void>;
  /** Types `text` literally, all at once: an Ink app receives it as one `input`, like a paste. */
  type(text: string): Promise<void>;
  /**
   * The visible screen, one line per row (trailing spaces trimmed). After the
   * command ended, the screen as it left it (without tmux's "Pane is dead" line).
   */
  capture(): Promise<string>;
  /** The same with colours and attributes as escape sequences (`capture-pane -e`). */
  captureWithEscapes(): Promise<string>;
  /**
   * Polls the screen until it matches and returns it. Throws on timeout
   * (default 20 s), or as soon as the command has ended without a match; the
   * error shows the last screen.
   */
  waitFor(pattern: string | RegExp, options?: { timeoutMs?: number }): Promise<string>;
  /** The pane's title, as a command sets it with OSC 0 or 2 (tmux's default is the host name). */
  paneTitle(): Promise<string>;
  /** Resizes the terminal; the command gets SIGWINCH. */
  resize(cols: number, rows: number): Promise<void>;
  /** Whether the command is still running. */
  isAlive(): Promise<boolean>;
  /** The command's exit status once it ended (128 + n when killed by signal n), else null; throws after `kill()`. */
  exitStatus(): Promise<number | null>;
  /** Stops the server (and the command with it) and removes its socket; safe to call twice. */
  kill(): Promise<void>;
}

/** Options of `startTmux`. */
export interface StartTmuxOptions {
  /** Terminal width. Default 80. */
  cols?: number;
  /** Terminal height. Default 24. */
  rows?: number;
  /** Working directory of the command. Default: this process's. */
  cwd?: string;
  /** Variables added to this process's environment (less HIDDEN_VARIABLES); `TERM` defaults to xterm-256color. */
  env?: Record<string, string>;
}

let tmuxFound: boolean | undefined;

/** Whether a `tmux` binary is on PATH. */
export function hasTmux(): boolean {
  tmuxFound ??= spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0;
  return tmuxFound;
}

/**
 * Skips the test, saying why, when tmux is missing; with `CI=true` throws
 * instead, as CI must run the terminal tests.
 */
export function requireTmux(context: Pick<TestContext, 'skip'>, env: NodeJS.ProcessEnv = process.env): void {
  if (hasTmux()) return;
  if (env.CI === 'true') throw new Error('tmux not found on PATH: in CI (CI=true) the terminal UI must be tested in a real terminal; install tmux');
  const reason = 'tmux not found on PATH (install it to run the end-to-end terminal tests)';
  console.warn(`skipped: ${reason}`);
  context.skip(reason);
}

/** Servers still running, stopped when the process exits if a test did not. */
const liveSockets = new Set<string>();
let exitHookInstalled = false;

function stopAllSync(): void {
  for (const socket of liveSockets) {
    spawnSync('tmux', ['-S', socket, 'kill-server'], { stdio: 'ignore', env: buildClientEnv() });
    rmSync(join(socket, '..'), { recursive: true, force: true });
  }
  liveSockets.clear();
}

function buildClientEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of HIDDEN_VARIABLES) delete env[name];
  return { ...env, ...extra };
}

/** `display-message` formats for a pane's state: ended means tmux has the exit status (`pane_dead` alone comes a moment earlier). */
const STATE_FORMAT = '#{pane_dead} #{pane_dead_status} #{pane_dead_signal}';

interface PaneState {
  ended: boolean;
  /** The pane's terminal has closed but tmux has not reaped the command yet. */
  reaping: boolean;
  status: number | null;
}

function parseState(line: string): PaneState {
  const [dead, status, signal] = line.trim().split(' ');
  if (dead !== '1') return { ended: false, reaping: false, status: null };
  if (!status && !signal) return { ended: false, reaping: true, status: null };
  return { ended: true, reaping: false, status: status ? Number(status) : 128 + Number(signal) };
}

/** The screen from `display-message -p '#{pane_height} STATE_FORMAT'` and `capture-pane -p -S -1`, run as one tmux command. */
function parseScreen(output: string): { screen: string } & PaneState {
  const [meta = '', ...lines] = output.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const height = Number(meta.split(' ')[0]);
  const state = parseState(meta.slice(meta.indexOf(' ') + 1));
  const extra = lines.length - height;
  // When the exit status comes in, tmux (remain-on-exit) scrolls the screen up
  // one line to print "Pane is dead" at the bottom; the top row is then the
  // last line of history.
  const screen = state.ended && extra === 1 ? lines.slice(0, height) : lines.slice(Math.max(0, extra));
  return { ...state, screen: screen.join('\n') };
}

function matches(screen: string, pattern: string | RegExp): boolean {
  return typeof pattern === 'string' ? screen.includes(pattern) : pattern.test(screen);
}

/**
 * Runs `command` (through /bin/sh -c) in a terminal of `cols` x `rows` on a
 * private tmux server (no config file; its socket in a temporary directory
 * removed by `kill()`, as `-L name` would leave one in /tmp/tmux-UID), so
 * tests never touch the user's tmux and can run in parallel. The
 * pane stays after the command ends, to read its last screen and exit status.
 * Throws when tmux is missing or fails to start.
 */
export async function startTmux(command: string, options: StartTmuxOptions = {}): Promise<TmuxSession> {
  const { cols = 80, rows = 24, cwd = process.cwd(), env = {} } = options;
  const dir = mkdtempSync(join(tmpdir(), 'litops-tmux-'));
  const socket = join(dir, 'socket');
  const target = 'main:0.0';
  const clientEnv = buildClientEnv();
  const tmux = async (...args: string[]): Promise<string> => {
    const { stdout } = await runFile('tmux', ['-S', socket, ...args], { env: clientEnv, timeout: 10_000 });
    return stdout;
  };
  // The server copies its environment, that of this first client, into the pane.
  const settings = ['remain-on-exit on', `default-terminal ${env.TERM ?? DEFAULT_TERM}`, 'default-shell /bin/sh', 'history-limit 2000'];
  const setup = settings.flatMap((setting) => ['set-option', '-g', ...setting.split(' '), ';']);
  try {
    await runFile('tmux', ['-S', socket, '-f', '/dev/null', 'start-server', ';', ...setup, 'new-session', '-d', '-s', 'main', '-x', String(cols), '-y', String(rows), '-c', cwd, PANE_SCRIPT], {
      env: buildClientEnv({ ...env, LITOPS_TMUX_COMMAND: command }),
      cwd,
      timeout: 10_000,
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start tmux for ${JSON.stringify(command)}: ${(error as Error).message}`, { cause: error });
  }
  if (!exitHookInstalled) process.once('exit', stopAllSync);
  exitHookInstalled = true;
  liveSockets.add(socket);
  const serverPid = Number(await tmux('display-message', '-p', '#{pid}'));

  // tmux can miss the SIGCHLD of a command that ends at once (libutempter
  // swaps its handler; tmux issue 311), leaving the status unknown for good:
  // a SIGCHLD of our own makes it reap.
  const nudge = (state: PaneState): void => {
    if (!state.reaping) return;
    try {
      process.kill(serverPid, 'SIGCHLD');
    } catch {
      // The server is gone.
    }
  };
  const readScreen = async (escapes: boolean): Promise<{ screen: string } & PaneState> => {
    const result = parseScreen(await tmux('display-message', '-p', '-t', target, `#{pane_height} ${STATE_FORMAT}`, ';', 'capture-pane', '-p', ...(escapes ? ['-e'] : []), '-S', '-1', '-t', target));
    nudge(result);
    return result;
  };
  const readState = async (): Promise<PaneState> => {
    for (let attempt = 0; ; attempt += 1) {
      const state = parseState(await tmux('display-message', '-p', '-t', target, STATE_FORMAT));
      if (!state.reaping || attempt === 20) return state;
      nudge(state);
      await delay(POLL_MS);
    }
  };

  const session: TmuxSession = {
    name: target,
    async send(keys, sendOptions = {}) {
      await tmux('send-keys', '-t', target, ...(sendOptions.literal ? ['-l'] : []), '--', ...(typeof keys === 'string' ? [keys] : keys));
    },
    async type(text) {
      await session.send(text, { literal: true });
    },
    capture: async () => (await readScreen(false)).screen,
    captureWithEscapes: async () => (await readScreen(true)).screen,
    async waitFor(pattern, waitOptions = {}) {
      const deadline = Date.now() + (waitOptions.timeoutMs ?? 20_000);
      for (;;) {
        const { screen, ended } = await readScreen(false);
        if (matches(screen, pattern)) return screen;
        // Once ended, the screen is final: one more look after the last output, then give up.
        const final = ended ? (await readScreen(false)).screen : null;
        if (final !== null && matches(final, pattern)) return final;
        if (final !== null || Date.now() >= deadline) {
          const why = final !== null ? `the command ended (status ${await session.exitStatus()})` : `timed out after ${waitOptions.timeoutMs ?? 20_000} ms`;
          throw new Error(`waiting for ${String(pattern)} in tmux: ${why}; the screen was:\n${final ?? screen}`);
        }
        await delay(POLL_MS);
      }
    },
    paneTitle: async () => (await tmux('display-message', '-p', '-t', target, '#{pane_title}')).replace(/\n$/, ''),
    async resize(newCols, newRows) {
      await tmux('resize-window', '-t', target, '-x', String(newCols), '-y', String(newRows));
    },
    async isAlive() {
      try {
        return !(await readState()).ended;
      } catch {
        return false; // the server is gone: killed
      }
    },
    exitStatus: async () => (await readState()).status,
    async kill() {
      if (!liveSockets.delete(socket)) return;
      await tmux('kill-server').catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return session;
}

/** Polls until the command in the session has ended and returns its status; throws with the screen after `timeoutMs`. */
export async function waitForExit(session: TmuxSession, timeoutMs = 15_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const status = await session.exitStatus();
    if (status !== null) return status;
    if (Date.now() - started > timeoutMs) throw new Error(`still running:\n${await session.capture()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
