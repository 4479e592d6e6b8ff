import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { requireTmux, startTmux, type StartTmuxOptions, type TmuxSession } from './tmux.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sessions: TmuxSession[] = [];

async function start(command: string, options: StartTmuxOptions = {}): Promise<TmuxSession> {
  const session = await startTmux(command, options);
  sessions.push(session);
  return session;
}

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.kill()));
});

/** An Ink app that prints, for each key press, the `input` and the key flags `useInput` got. */
const KEY_LOGGER = `
import React, { useState } from 'react';
import { render, Text, useInput } from 'ink';
function App() {
  const [log, setLog] = useState([]);
  useInput((input, key) => {
    const flags = Object.entries(key).filter(([, on]) => on === true).map(([name]) => name).join('+');
    setLog((lines) => [...lines, (lines.length + 1) + ': ' + JSON.stringify(input) + ' ' + (flags || '-')]);
  });
  return React.createElement(Text, null, ['ready', ...log].join('\\n'));
}
render(React.createElement(App), { exitOnCtrlC: false });
`;

describe('the tmux harness', () => {
  it('runs an interactive shell: typed text and keys reach it, and its output shows', async (context) => {
    requireTmux(context);
    const shell = await start('bash --norc --noprofile -i', { env: { PS1: 'prompt$ ' } });
    await shell.waitFor('prompt$');
    await shell.type('echo "hello $((6 * 7))"');
    await shell.send('Enter');
    const screen = await shell.waitFor(/^hello 42$/m);
    expect(screen.split('\n')).toHaveLength(24);
    expect(screen).toContain('prompt$ echo "hello $((6 * 7))"');
    expect(await shell.isAlive()).toBe(true);
    expect(await shell.exitStatus()).toBeNull();
  });

  it('starts at 80x24 and resizes: tput reports the new size', async (context) => {
    requireTmux(context);
    const shell = await start('bash --norc --noprofile -i', { env: { PS1: '$ ' } });
    await shell.type('echo "size=$(tput cols)x$(tput lines)"');
    await shell.send('Enter');
    await shell.waitFor('size=80x24');
    await shell.resize(100, 30);
    await shell.send(['e', 'c', 'h', 'o', ' ', 'n', 'o', 'w', ' ']);
    await shell.type('"$(tput cols)x$(tput lines)"');
    await shell.send('Enter');
    const screen = await shell.waitFor(/^now 100x30$/m);
    expect(screen.split('\n')).toHaveLength(30);
  });

  it('reads the exit status and keeps the final screen whole, without tmux’s "Pane is dead" line', async (context) => {
    requireTmux(context);
    const seven = await start("sh -c 'exit 7'");
    await expect.poll(() => seven.isAlive()).toBe(false);
    expect(await seven.exitStatus()).toBe(7);

    const short = await start('echo top; echo bottom; exit 3', { rows: 6 });
    await expect.poll(() => short.exitStatus()).toBe(3);
    expect(await short.capture()).toBe('top\nbottom\n\n\n\n');

    const scrolled = await start('seq 1 10', { rows: 6 });
    await expect.poll(() => scrolled.exitStatus()).toBe(0);
    expect(await scrolled.capture()).toBe('6\n7\n8\n9\n10\n');

    const signalled = await start('kill -TERM $$');
    await expect.poll(() => signalled.exitStatus()).toBe(128 + 15);
  });

  it('passes env and cwd, sets TERM, and hides CI so that Ink renders as on an operator’s terminal', async (context) => {
    requireTmux(context);
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'litops-tmux-test-')));
    try {
      const command = 'echo "term=$TERM ci=${CI-unset} x=$X cwd=$(pwd)"; tput colors';
      const session = await start(command, { cwd: dir, env: { X: 'a b $y' } });
      const screen = await session.waitFor(/^256$/m);
      expect(screen).toContain(`term=xterm-256color ci=unset x=a b $y cwd=${dir}`);
      const inCi = await start('echo "ci=$CI"', { env: { CI: 'true' } });
      await inCi.waitFor('ci=true');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('captures colours with escapes, and plain text without', async (context) => {
    requireTmux(context);
    const session = await start("printf '\\033[31mred\\033[0m plain\\n'; sleep 30");
    await session.waitFor('red plain');
    expect(await session.captureWithEscapes()).toMatch(/\u001b\[31mred\u001b\[(?:0|39)m plain/);
    expect(await session.capture()).not.toContain('\u001b');
  });

  it('reads the pane title a command sets', async (context) => {
    requireTmux(context);
    const session = await start("printf '\\033]2;deploy step 3\\033\\\\'; echo titled; sleep 30");
    await session.waitFor('titled');
    expect(await session.paneTitle()).toBe('deploy step 3');
  });

  it('fails waitFor with the last screen on timeout, and at once when the command has ended', async (context) => {
    requireTmux(context);
    const waiting = await start('echo still waiting; sleep 30');
    await waiting.waitFor('still waiting');
    await expect(waiting.waitFor('never shown', { timeoutMs: 300 })).rejects.toThrow(/timed out after 300 ms; the screen was:\nstill waiting/);

    const ended = await start('echo goodbye; exit 4');
    const startedAt = Date.now();
    await expect(ended.waitFor(/never shown/)).rejects.toThrow(/the command ended \(status 4\); the screen was:\ngoodbye/);
    expect(Date.now() - startedAt).toBeLessThan(5_000);
  });

  it('runs sessions side by side on separate servers, and kill() stops the command', async (context) => {
    requireTmux(context);
    const [left, right] = await Promise.all([start('echo left; sleep 30'), start('echo right; sleep 30')]);
    expect(left!.name).toBe(right!.name);
    await Promise.all([left!.waitFor('left'), right!.waitFor('right')]);
    expect(await left!.capture()).not.toContain('right');
    await left!.kill();
    await left!.kill();
    expect(await left!.isAlive()).toBe(false);
    expect(await right!.isAlive()).toBe(true);
  });

  it('shows what Ink’s useInput reports for keys sent through tmux (Backspace and Delete look alike)', async (context) => {
    requireTmux(context);
    const app = await start(`node --input-type=module -e "$KEY_LOGGER"`, { cwd: root, env: { KEY_LOGGER } });
    await app.waitFor('ready', { timeoutMs: 20_000 });
    const keys: Array<[string, string]> = [
      ['BSpace', '"" delete'],
      ['DC', '"" delete'],
      ['C-h', '"" backspace'],
      ['C-d', '"d" ctrl'],
      ['PPage', '"" pageUp'],
      ['NPage', '"" pageDown'],
      ['Home', '"" home'],
      ['End', '"" end'],
      ['C-Left', '"" leftArrow+ctrl'],
      ['M-b', '"b" meta'],
      ['Enter', '"\\r" return'],
      ['Tab', '"" tab'],
      ['BTab', '"" shift+tab'],
      ['é', '"é" -'],
    ];
    for (const [index, [key, expected]] of keys.entries()) {
      await app.send(key);
      await app.waitFor(`${index + 1}: ${expected}`);
    }
    await app.type('pasted text');
    await app.waitFor(`${keys.length + 1}: "pasted text" -`);
  });
});
