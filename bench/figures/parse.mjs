import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeRow } from '../lib/rows.mjs';
import { buildParseCorpus } from './parse-corpus.mjs';

const MB = 1024 * 1024;

/** Runs the parse worker; returns per subject the list of ms, and the worker's peak RSS (MB). */
async function runWorker(ctx, file, warmupFile, runs) {
  const worker = join(ctx.benchDir, 'lib/parse-worker.mjs');
  const child = spawn(process.execPath, ['--expose-gc', worker, file, warmupFile, String(runs)], { cwd: ctx.root, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    for (const line of String(chunk).trim().split('\n')) ctx.log(`  ${line}`);
  });
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`parse worker exited ${code}: ${stderr.slice(-1000)}`);
  const results = { litops: [], remark: [] };
  for (const line of stdout.trim().split('\n')) {
    const { subject, ms } = JSON.parse(line);
    results[subject].push(ms);
  }
  return results;
}

function makeParseRow(figure, workload, results) {
  return makeRow({
    figure,
    workload,
    litops: { label: 'litops', values: results.litops },
    anchor: { label: 'remark-parse + remark-gfm, same process', values: results.remark },
    target: { kind: 'max-ratio', value: 1.5, text: '≤ 1.5x' },
  });
}

/**
 * Parse: litops's parser and the JSON `inspect --json` prints, against
 * remark-parse + remark-gfm alone, on the same bytes in the same process, after
 * a warm-up on the 1 MB corpus. The corpus is the project's runbooks repeated
 * with unique ids. A full run measures 10 MB (twice: one round takes minutes)
 * and 1 MB (three times); --quick only 1 MB.
 */
export async function runParseFigure(ctx) {
  const small = join(ctx.tmp, 'corpus-1mb.md');
  writeFileSync(small, buildParseCorpus(ctx.root, 1 * MB));
  const rows = [];
  if (!ctx.quick) {
    const large = join(ctx.tmp, 'corpus-10mb.md');
    writeFileSync(large, buildParseCorpus(ctx.root, 10 * MB));
    rows.push(makeParseRow('parse 10 MB', '10 MB of runbook Markdown: parse + the JSON of `inspect --json`', await runWorker(ctx, large, small, 2)));
  }
  rows.push(makeParseRow('parse 1 MB', '1 MB of the same Markdown', await runWorker(ctx, small, small, ctx.quick ? 2 : 3)));
  return rows;
}
