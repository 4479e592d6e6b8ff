import { join } from 'node:path';
import { measureSideBySide, timeCommand } from '../lib/measure.mjs';
import { makeRow, msOf } from '../lib/rows.mjs';

/** The seed runbook `inspect` reads: the one the README's quick start uses. */
const SEED = 'runbooks/postgres-health.md';

/**
 * Start-up: `litops --help` and `litops inspect SEED` as whole processes,
 * against `node -e 0` (the floor of any Node CLI), measured side by side.
 */
export async function runStartupFigure(ctx) {
  const seed = join(ctx.root, SEED);
  const node = process.execPath;
  const subjects = {
    help: () => timeCommand(node, [ctx.litopsBin, '--help'], { cwd: ctx.tmp }),
    inspect: () => timeCommand(node, [ctx.litopsBin, 'inspect', seed], { cwd: ctx.tmp }),
    node: () => timeCommand(node, ['-e', '0'], { cwd: ctx.tmp }),
  };
  const results = await measureSideBySide(subjects, ctx.reps(15, 3));
  const anchor = { label: 'node -e 0', values: msOf(results.node) };
  return [
    makeRow({ figure: 'start-up: --help', workload: '`litops --help`', litops: { label: 'litops --help', values: msOf(results.help) }, anchor, target: { kind: 'max-ratio', value: 2.5, text: '≤ 2.5x' } }),
    makeRow({ figure: 'start-up: inspect', workload: `\`litops inspect ${SEED}\``, litops: { label: 'litops inspect', values: msOf(results.inspect) }, anchor, target: { kind: 'max-ratio', value: 4, text: '≤ 4x' } }),
  ];
}
