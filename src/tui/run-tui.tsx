import { render, type Instance } from 'ink';
import { App } from './views/app.js';
import type { TuiStore } from './controller/create-tui-store.js';
import type { SuspendOptions } from './controller/tui-run-hooks.js';

const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';
const BOLD = '\u001b[1m';
const RESET = '\u001b[0m';

/** The terminal the UI draws on. */
export interface TuiTerminal {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** A mounted UI: it can step aside for a task that needs the real terminal, and be closed. */
export interface MountedTui {
  suspend<T>(task: () => Promise<T>, options?: SuspendOptions): Promise<T>;
  close(): void;
}

/**
 * Mounts the app on the alternate screen (so the operator's scrollback is left
 * as it was), with Ctrl-C delivered as a key rather than ending the process.
 */
export function mountTui(store: TuiStore, terminal: TuiTerminal, onCrash: (error: unknown) => void = () => undefined): MountedTui {
  let instance: Instance | null = null;
  const mount = () => {
    terminal.stdout.write(ENTER_ALT_SCREEN);
    store.dispatch({ type: 'resize', cols: terminal.stdout.columns || 80, rows: terminal.stdout.rows || 24 });
    const mounted = render(<App store={store} />, { stdin: terminal.stdin, stdout: terminal.stdout, stderr: terminal.stderr, exitOnCtrlC: false, patchConsole: false, maxFps: 30 });
    instance = mounted;
    // A view that throws unmounts the app: the run must still be signed and the terminal given back.
    mounted.waitUntilExit().catch((error: unknown) => {
      if (instance === mounted) onCrash(error);
    });
  };
  const unmount = () => {
    instance?.unmount();
    instance = null;
    terminal.stdout.write(`${SHOW_CURSOR}${LEAVE_ALT_SCREEN}`);
  };
  mount();
  return {
    async suspend(task, options = {}) {
      unmount();
      // Ink releases stdin in effect cleanups that run after unmount returns; let them run first.
      await new Promise((resolve) => setTimeout(resolve, 20));
      stopReading(terminal.stdin);
      // On the normal screen, so it stays in the operator's scrollback with what the task printed.
      if (options.banner) terminal.stdout.write(`${BOLD}${options.banner.replace(/\n/g, '\r\n')}${RESET}\r\n`);
      // The task owns the terminal now: Ctrl-C goes to its process group, not to us.
      const ignore = () => undefined;
      process.on('SIGINT', ignore);
      try {
        return await task();
      } finally {
        process.off('SIGINT', ignore);
        startReading(terminal.stdin);
        mount();
      }
    },
    close: unmount,
  };
}

/**
 * Stops Node reading the terminal. Pausing the stream is not enough: libuv keeps
 * a read pending on the tty, so keys typed for an interactive cell (or an
 * editor) would land in our buffer instead of the child's. {@link startReading}
 * resumes it: the stream still thinks a read is pending and would not ask again.
 */
function stopReading(stdin: NodeJS.ReadStream): void {
  // Ink turns raw mode off in an effect cleanup that may run a tick later: the child needs a cooked terminal now.
  if (stdin.isTTY) stdin.setRawMode(false);
  stdin.pause();
  const handle = (stdin as unknown as { _handle?: { readStop?: () => number; reading?: boolean } })._handle;
  if (handle?.readStop) {
    handle.readStop();
    handle.reading = false;
  }
}

function startReading(stdin: NodeJS.ReadStream): void {
  const handle = (stdin as unknown as { _handle?: { readStart?: () => number; reading?: boolean } })._handle;
  if (handle?.readStart && !handle.reading) {
    handle.reading = true;
    handle.readStart();
  }
  stdin.ref();
}
