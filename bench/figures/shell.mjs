import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureSideBySide, timeCommand } from '../lib/measure.mjs';
import { makeRow, msOf } from '../lib/rows.mjs';

/** A runbook of `count` trivial shell cells, one per step, as zx can run it too (```bash blocks). */
export function buildShellRunbook(count) {
  const parts = ['# Shell cell overhead\n\nTrivial cells, to measure what litops adds around each one.\n\n## Many small steps\n'];
  for (let i = 1; i <= count; i++) parts.push(`### Step ${i}\n\nSay which cell this is.\n\n\`\`\`bash\necho "cell ${i}"\n\`\`\`\n`);
  return parts.join('\n');
}

/**
 * Shell cell overhead: `litops run --ci` of N trivial cells with the signed log
 * on (a real ed25519 key), against Node spawning `bash -c` N times in sequence,
 * and against zx running the same Markdown. All three are whole processes.
 */
export async function runShellFigure(ctx) {
  const count = ctx.quick ? 50 : 200;
  const file = join(ctx.tmp, 'shell-cells.md');
  writeFileSync(file, buildShellRunbook(count));
  const subjects = {
    litops: () => timeCommand(process.execPath, [ctx.litopsBin, 'run', file, '--ci', '--log-dir', join(ctx.tmp, 'runs'), '--key', ctx.keyPath], { cwd: ctx.tmp }),
    spawn: () => timeCommand(process.execPath, [join(ctx.benchDir, 'lib/spawn-bash.mjs'), String(count)], { cwd: ctx.tmp }),
    zx: () => timeCommand(process.execPath, [ctx.zxBin, '--quiet', file], { cwd: ctx.tmp }),
  };
  const results = await measureSideBySide(subjects, ctx.reps(5));
  const figure = 'shell cell overhead';
  const workload = `${count} trivial shell cells, \`run --ci\`, signed log (ed25519 key)`;
  const litops = { label: 'litops', values: msOf(results.litops) };
  return [
    makeRow({ figure, workload, litops, anchor: { label: `Node spawning bash -c ×${count}`, values: msOf(results.spawn) }, target: { kind: 'max-ratio', value: 2, text: '≤ 2x the spawn floor' } }),
    makeRow({ figure: `${figure} (vs zx)`, workload, litops, anchor: { label: 'zx on the same Markdown', values: msOf(results.zx) }, target: { kind: 'max-ratio', value: 1, text: '< 1x (faster than zx)' } }),
  ];
}
