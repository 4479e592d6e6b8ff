import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { measureSideBySide } from '../lib/measure.mjs';
import { makeRow, msOf } from '../lib/rows.mjs';
import { startTmux } from '../lib/tmux.mjs';

/** One cell printing `lines` lines, then a last line to wait for. */
export function buildFloodRunbook(lines) {
  return `# Flood\n\n## Output\n\n### Print many lines\n\n\`\`\`bash\nseq 1 ${lines} | sed 's/^/flood line /'\necho "flood done"\n\`\`\`\n`;
}

/**
 * The cell in the terminal UI, in tmux: from the Enter that runs it until the
 * screen shows its last line and "✓ passed". The UI is started and brought to
 * the cell before the clock starts; a short pause after each screen lets Ink
 * listen to the keyboard (a key sent with the first frame can be lost).
 */
async function timeTui(ctx, file) {
  const command = `${process.execPath} ${ctx.litopsBin} run ${file} --log-dir ${join(ctx.tmp, 'tui-runs')} --key ${ctx.keyPath}`;
  const ui = await startTmux(command, { cwd: ctx.tmp, cols: 80, rows: 24 });
  try {
    await ui.waitFor((screen) => screen.includes('Enter start'), 30_000);
    await delay(500);
    await ui.send('Enter');
    await ui.waitFor((screen) => screen.includes('Enter run/next'), 30_000);
    await delay(500);
    const started = performance.now();
    await ui.send('Enter');
    const { at, screen } = await ui.waitFor((text) => /^\s+flood done$/m.test(text) && text.includes('✓ passed'), 300_000);
    if (!/^\s+flood line \d+$/m.test(screen)) throw new Error(`the flood's lines are not on the screen:\n${screen}`);
    await ui.send('q');
    await delay(300);
    await ui.send('y');
    await delay(300);
    return { ms: at - started };
  } finally {
    await ui.kill();
  }
}

/** The same cell with `--ci`, output to a pipe: from the step's "▸" line to the cell's "✓" line on stdout. */
async function timeCi(ctx, file) {
  const child = spawn(process.execPath, [ctx.litopsBin, 'run', file, '--ci', '--log-dir', join(ctx.tmp, 'tui-ci-runs'), '--key', ctx.keyPath], { cwd: ctx.tmp, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  let started = null;
  let ended = null;
  child.stdout.on('data', (chunk) => {
    text += chunk;
    started ??= text.includes('▸ ') ? performance.now() : null;
    ended ??= /^\s+✓ /m.test(text) ? performance.now() : null;
  });
  child.stderr.resume();
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (code !== 0 || started === null || ended === null) throw new Error(`litops run --ci exited ${code}:\n${text.slice(-1000)}`);
  return { ms: ended - started };
}

/** TUI flood: a cell printing 100,000 lines in the terminal UI under tmux, against the same run with --ci. */
export async function runTuiFigure(ctx) {
  const lines = ctx.quick ? 20_000 : 100_000;
  const file = join(ctx.tmp, 'flood.md');
  writeFileSync(file, buildFloodRunbook(lines));
  const results = await measureSideBySide({ tui: () => timeTui(ctx, file), ci: () => timeCi(ctx, file) }, ctx.reps(3));
  return [
    makeRow({
      figure: 'TUI flood',
      workload: `one cell printing ${lines.toLocaleString('en')} lines, TUI in tmux (80×24): Enter → last line and ✓ on screen`,
      litops: { label: 'TUI', values: msOf(results.tui) },
      anchor: { label: '--ci (step line → ✓ line)', values: msOf(results.ci) },
      target: { kind: 'max-ratio', value: 1.5, text: '≤ 1.5x' },
    }),
  ];
}
