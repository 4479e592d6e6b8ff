import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureSideBySide, timeCommand } from '../lib/measure.mjs';
import { makeRow, msOf } from '../lib/rows.mjs';

const TEMPLATE = '# Verify template\n\n## Check\n\n### Print a little\n\n```bash\nfor i in 1 2 3; do echo "line $i of the cell output"; done\n```\n';

/** Where the big run directory goes: memory (/dev/shm) when there is one, so that writing it is quick and both sides read it from memory. */
function pickFixtureParent(ctx) {
  return existsSync('/dev/shm') ? '/dev/shm' : ctx.tmp;
}

/**
 * Makes a signed run directory of about `events` events: a real `litops run` of
 * one shell cell, replayed through litops's journal writer (lib/make-run-dir.mjs).
 */
function makeRunDir(ctx, parent, events) {
  const template = join(ctx.tmp, 'verify-template.md');
  writeFileSync(template, TEMPLATE);
  const logDir = join(ctx.tmp, 'verify-template-runs');
  execFileSync(process.execPath, [ctx.litopsBin, 'run', template, '--ci', '--log-dir', logDir, '--key', ctx.keyPath], { cwd: ctx.tmp, stdio: 'ignore' });
  const templateRun = join(logDir, readdirSync(logDir)[0]);
  const runDir = join(parent, 'run');
  const cells = Math.ceil((events - 2) / 5);
  execFileSync(process.execPath, [join(ctx.benchDir, 'lib/make-run-dir.mjs'), templateRun, runDir, ctx.keyPath, String(cells)], { cwd: ctx.tmp, stdio: 'inherit' });
  return runDir;
}

/**
 * Verify: `litops verify` of a signed run directory with 100,000 events (20,000
 * cells, 60,000 out files), against `sha256sum -c SHA256SUMS` over the same files.
 */
export async function runVerifyFigure(ctx) {
  const target = ctx.quick ? 10_000 : 100_000;
  const parent = mkdtempSync(join(pickFixtureParent(ctx), 'litops-bench-verify-'));
  try {
    ctx.log(`  writing a run directory of ${target} events in ${parent}`);
    const runDir = makeRunDir(ctx, parent, target);
    const events = readFileSync(join(runDir, 'events.jsonl'), 'utf8').split('\n').length - 1;
    const files = readFileSync(join(runDir, 'SHA256SUMS'), 'utf8').split('\n').length - 1;
    const subjects = {
      litops: () => timeCommand(process.execPath, [ctx.litopsBin, 'verify', runDir], { cwd: ctx.tmp }),
      sha256sum: () => timeCommand('sha256sum', ['--quiet', '-c', 'SHA256SUMS'], { cwd: runDir }),
    };
    const results = await measureSideBySide(subjects, ctx.reps(5));
    return [
      makeRow({
        figure: 'verify',
        workload: `run directory of ${events} events, ${files} files (SHA256SUMS)`,
        litops: { label: 'litops verify', values: msOf(results.litops) },
        anchor: { label: 'sha256sum -c SHA256SUMS', values: msOf(results.sha256sum) },
        target: { kind: 'max-ratio', value: 3, text: '≤ 3x' },
      }),
    ];
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}
