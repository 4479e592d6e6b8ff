import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasGnuTime, measureSideBySide, timeCommand } from '../lib/measure.mjs';
import { makeRow, msOf, peakMbOf } from '../lib/rows.mjs';

const GiB = 1024 ** 3;

/**
 * The flood command: `size` bytes of 64-byte lines. `yes` is read through a
 * process substitution so that its SIGPIPE does not fail the pipeline under
 * litops's `set -o pipefail`; head's status is the cell's.
 */
export function buildOutputCommand(size) {
  return `head -c ${size} < <(yes 'litops bench output line: 0123456789 abcdefghijklmnopqrstuvwxyz')`;
}

/**
 * Output: one cell printing 1 GiB (`run --ci`, the run directory on disk as in
 * a real run: out/1.stdout, out/1.cast, digests, fsync) against the same
 * command with its output to /dev/null. Throughput is bytes over the whole
 * process's wall time (litops's start-up included); peak RSS from GNU time.
 * A full run measures it twice, after no warm-up: one run takes half a minute.
 */
export async function runOutputFigure(ctx) {
  if (!hasGnuTime()) throw new Error('GNU time (/usr/bin/time) is needed to measure peak RSS: apt-get install time');
  const size = ctx.quick ? 64 * 1024 ** 2 : GiB;
  const command = buildOutputCommand(size);
  const file = join(ctx.tmp, 'output.md');
  writeFileSync(file, `# Output\n\n## Flood\n\n### Print ${size} bytes\n\n\`\`\`bash\n${command}\n\`\`\`\n`);
  const logDir = join(ctx.tmp, 'output-runs');
  const options = { cwd: ctx.tmp, rss: true, tmp: ctx.tmp };
  const subjects = {
    litops: () => timeCommand(process.execPath, [ctx.litopsBin, 'run', file, '--ci', '--log-dir', logDir, '--key', ctx.keyPath], options),
    floor: () => timeCommand('bash', ['-c', `set -eo pipefail; ${command}`], options),
  };
  const { warmup, runs, log } = ctx.reps(2, 0);
  const results = await measureSideBySide(subjects, { warmup, runs, log });
  const toMBps = (values) => values.map((ms) => size / 1024 ** 2 / (ms / 1000));
  const figure = 'output';
  const workload = `one cell printing ${size / 1024 ** 2} MiB, \`run --ci\`, log on disk`;
  return [
    makeRow({
      figure: `${figure}: throughput`,
      workload,
      unit: 'MB/s',
      litops: { label: 'litops', values: toMBps(msOf(results.litops)) },
      anchor: { label: 'same command > /dev/null', values: toMBps(msOf(results.floor)) },
      target: { kind: 'min-ratio', value: 0.5, text: '≥ 0.5x the floor' },
      extra: { wallMs: { litops: msOf(results.litops), floor: msOf(results.floor) } },
    }),
    makeRow({
      figure: `${figure}: peak RSS`,
      workload,
      unit: 'MB',
      litops: { label: 'litops', values: peakMbOf(results.litops) },
      anchor: { label: 'the command alone', values: peakMbOf(results.floor) },
      target: { kind: 'max-value', value: 200, text: '< 200 MB' },
    }),
  ];
}
