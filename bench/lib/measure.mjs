import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const GNU_TIME = '/usr/bin/time';

/** Whether GNU time is there to report a child's peak RSS (`%M`, from wait4's rusage). */
export function hasGnuTime() {
  return existsSync(GNU_TIME);
}

/**
 * Runs a command to its end and measures it: wall time from spawn to exit, and
 * with `rss` the peak resident set (KB) of the largest process in its tree as
 * GNU time reports it. stdout goes to `stdout` ('ignore', or a file descriptor);
 * stderr is kept for the error message. Rejects when it exits non-zero (unless
 * `okCodes` lists the code), so a broken workload is never timed as a result.
 */
export async function timeCommand(file, args, options = {}) {
  const { cwd, env = process.env, stdout = 'ignore', rss = false, tmp, okCodes = [0] } = options;
  const rssFile = rss ? join(tmp, `rss-${process.pid}-${performance.now()}.txt`) : null;
  const [command, commandArgs] = rss ? [GNU_TIME, ['-f', '%M', '-o', rssFile, file, ...args]] : [file, args];
  const started = performance.now();
  const child = spawn(command, commandArgs, { cwd, env, stdio: ['ignore', stdout, 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    if (stderr.length < 20_000) stderr += chunk;
  });
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode, signal) => resolve(exitCode ?? `signal ${signal}`));
  });
  const ms = performance.now() - started;
  if (!okCodes.includes(code)) throw new Error(`${file} ${args.join(' ')} exited ${code}\n${stderr.slice(-2000)}`);
  let peakRssKB = null;
  if (rssFile) {
    peakRssKB = Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1));
    rmSync(rssFile, { force: true });
  }
  return { ms, peakRssKB, code, stderr };
}

/**
 * Measures several subjects side by side: `warmup` rounds first (discarded),
 * then `runs` rounds, each round running every subject once, in an order that
 * rotates from round to round, so that a slow spell of a noisy machine falls on
 * all of them alike. A subject is an async function returning `{ ms, ... }`.
 * Returns, per subject, the list of its results.
 */
export async function measureSideBySide(subjects, { warmup, runs, log = () => {} }) {
  const names = Object.keys(subjects);
  const results = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < warmup + runs; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const name of order) {
      const result = await subjects[name]();
      if (round >= warmup) results[name].push(result);
      log(`  ${round < warmup ? 'warm-up' : `run ${round - warmup + 1}/${runs}`} ${name}: ${result.ms.toFixed(1)} ms`);
    }
  }
  return results;
}
