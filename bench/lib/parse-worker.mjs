// The parse figure's measuring process: `node parse-worker.mjs FILE WARMUP_FILE RUNS`.
// Parses the same text with litops (parseRunbook, then the JSON `inspect --json`
// prints) and with remark-parse + remark-gfm alone, alternately, in this one
// process; prints one JSON line per measurement: {"subject", "ms"}.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseRunbook } from '../../dist/parser/index.js';

const [file, warmupFile, runsArg] = process.argv.slice(2);
const runs = Number(runsArg);

const subjects = {
  litops: async (text, bytes) => {
    const { runbook } = await parseRunbook(text, { path: file, bytes });
    return JSON.stringify(runbook, null, 2).length;
  },
  remark: async (text) => unified().use(remarkParse).use(remarkGfm).parse(text).children.length,
};

async function measure(name, text, bytes) {
  globalThis.gc?.();
  const started = performance.now();
  await subjects[name](text, bytes);
  return performance.now() - started;
}

// Warm-up: the JIT and the SQL parser's WebAssembly, on a smaller text.
const warmupBytes = readFileSync(warmupFile);
for (const name of Object.keys(subjects)) await measure(name, warmupBytes.toString('utf8'), warmupBytes);

const bytes = readFileSync(file);
const text = bytes.toString('utf8');
const names = Object.keys(subjects);
for (let round = 0; round < runs; round++) {
  for (const name of names.map((_, i) => names[(i + round) % names.length])) {
    process.stdout.write(`${JSON.stringify({ subject: name, ms: await measure(name, text, bytes) })}\n`);
  }
}
