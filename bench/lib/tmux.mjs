// A command in a terminal of its own, for the TUI figure: a private tmux server
// (its socket in a temporary directory), as test/support/tmux.ts does, in short.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';

const runFile = promisify(execFile);

/** Ink renders only its last frame under CI (is-in-ci), and litops reads CI too: the pane must not see these. */
const HIDDEN_VARIABLES = ['CI', 'CONTINUOUS_INTEGRATION', 'GITHUB_ACTIONS', 'GITLAB_CI', 'BUILDKITE', 'CIRCLECI', 'TRAVIS', 'NO_COLOR', 'FORCE_COLOR', 'COLUMNS', 'LINES', 'TMUX', 'TMUX_PANE'];

function buildEnv() {
  const env = { ...process.env, TERM: 'xterm-256color' };
  for (const name of HIDDEN_VARIABLES) delete env[name];
  return env;
}

/**
 * Starts `command` (through /bin/sh) in a `cols`×`rows` pane. Returns
 * `{ send(...keys), capture(), waitFor(test, timeoutMs), kill() }`; `waitFor`
 * polls the screen every `pollMs` and returns the time it first matched.
 */
export async function startTmux(command, { cols = 100, rows = 30, cwd, pollMs = 10 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'litops-bench-tmux-'));
  const socket = join(dir, 'socket');
  const env = buildEnv();
  const tmux = async (...args) => (await runFile('tmux', ['-S', socket, ...args], { env, timeout: 10_000, maxBuffer: 1 << 24 })).stdout;
  await runFile('tmux', ['-S', socket, '-f', '/dev/null', 'start-server', ';', 'set-option', '-g', 'remain-on-exit', 'on', ';', 'set-option', '-g', 'default-terminal', 'xterm-256color', ';', 'new-session', '-d', '-s', 'main', '-x', String(cols), '-y', String(rows), '-c', cwd, command], { env, cwd, timeout: 10_000 });
  const session = {
    send: (...keys) => tmux('send-keys', '-t', 'main:0.0', ...keys),
    capture: () => tmux('capture-pane', '-p', '-t', 'main:0.0'),
    async waitFor(test, timeoutMs = 120_000) {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const screen = await session.capture();
        if (test(screen)) return { at: performance.now(), screen };
        if (performance.now() > deadline) throw new Error(`timed out waiting in tmux; the screen was:\n${screen}`);
        await delay(pollMs);
      }
    },
    async kill() {
      await tmux('kill-server').catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return session;
}
