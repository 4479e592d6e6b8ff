// `npm run bench [-- --quick] [-- --only=shell,sql]`: runs the figures, prints one
// table, writes bench/results.json (a full run) or bench/results.partial.json.
// `node bench/run.mjs --table [FILE]` prints the table of a past run again.
// Needs dist/ (npm run build). See bench/README.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine } from './lib/machine.mjs';
import { makeErrorRow } from './lib/rows.mjs';
import { formatTable } from './lib/table.mjs';
import { figures } from './figures/index.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(benchDir);

function parseArgs(argv) {
  if (argv[0] === '--table') return { table: argv[1] ?? join(benchDir, 'results.json') };
  const only = argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length).split(',') ?? null;
  const unknown = argv.filter((arg) => arg !== '--quick' && !arg.startsWith('--only='));
  if (unknown.length) throw new Error(`unknown arguments: ${unknown.join(' ')} (use --quick, --only=${figures.map((f) => f.id).join(',')}, or --table [FILE])`);
  if (only) for (const id of only) if (!figures.some((f) => f.id === id)) throw new Error(`no figure "${id}"`);
  return { quick: argv.includes('--quick'), only };
}

function createContext(options, tmp) {
  const litopsBin = join(root, 'bin/litops.js');
  const keyPath = join(tmp, 'signing_key');
  execFileSync(process.execPath, [litopsBin, 'keygen', '--out', keyPath, '--as', 'bench@litops'], { stdio: 'ignore' });
  const log = (message) => process.stderr.write(`${message}\n`);
  return {
    quick: options.quick,
    root,
    benchDir,
    tmp,
    litopsBin,
    zxBin: join(root, 'node_modules/zx/build/cli.js'),
    keyPath,
    log,
    /** Repetitions: one warm-up then `runs` (2 with --quick). */
    reps: (runs, warmup = 1) => ({ warmup: options.quick ? Math.min(warmup, 1) : warmup, runs: options.quick ? Math.min(runs, 2) : runs, log }),
  };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.table) return printTable(JSON.parse(readFileSync(options.table, 'utf8')));
  if (!existsSync(join(root, 'dist/cli/main.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  const tmp = mkdtempSync(join(tmpdir(), 'litops-bench-'));
  const started = Date.now();
  const rows = [];
  try {
    const ctx = createContext(options, tmp);
    for (const figure of figures.filter((f) => !options.only || options.only.includes(f.id))) {
      ctx.log(`== ${figure.id}: ${figure.title}`);
      const figureStarted = Date.now();
      try {
        rows.push(...(await figure.run(ctx)));
      } catch (error) {
        ctx.log(`   failed: ${error.stack ?? error}`);
        rows.push(makeErrorRow(figure, error));
      }
      ctx.log(`   (${((Date.now() - figureStarted) / 1000).toFixed(1)} s)`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const full = !options.quick && !options.only;
  const results = {
    date: new Date().toISOString(),
    full,
    quick: options.quick,
    only: options.only,
    durationS: Math.round((Date.now() - started) / 1000),
    machine: describeMachine(),
    figures: rows,
  };
  const out = join(benchDir, full ? 'results.json' : 'results.partial.json');
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  printTable(results);
  process.stdout.write(`Written: ${out} (${results.durationS} s)\n`);
}

/** The table and the machine of a results object (also `--table FILE`, to show a past run again). */
function printTable(results) {
  process.stdout.write(`\n${formatTable(results.figures)}\n\nMachine: ${formatMachine(results.machine)}\n`);
  const missed = results.figures.filter((row) => !row.met).map((row) => row.figure);
  if (missed.length) process.stdout.write(`Targets missed: ${missed.join('; ')}\n`);
}

function formatMachine(m) {
  return `${m.cpuModel}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}, Node ${m.node}`;
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
  process.exitCode = 2;
});
