// Makes the verify figure's run directory: `node make-run-dir.mjs TEMPLATE_RUN_DIR OUT_DIR KEY CELLS`.
// It replays the events of a real run of one shell cell (TEMPLATE_RUN_DIR, made
// by `litops run`) CELLS times through litops's own journal writer (dist/), as a
// long run would write them: per cell step.start, cell.start, its output,
// cell.end, the signed checkpoint and step.end; SHA256SUMS signed at the end.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createJournal, createSigner } from '../../dist/journal/index.js';

const [templateDir, runDir, keyPath, cellsArg] = process.argv.slice(2);
const cells = Number(cellsArg);
const JOURNAL_FIELDS = ['seq', 'prev', 'principal', 'publicKey', 'keyFingerprint', 'ephemeralKey', 'gitCommit', 'files'];

const lines = readFileSync(join(templateDir, 'events.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
const template = Object.fromEntries(lines.map((event) => [event.type, Object.fromEntries(Object.entries(event).filter(([key]) => !JOURNAL_FIELDS.includes(key)))]));
const stdout = readFileSync(join(templateDir, 'out/1.stdout'), 'utf8');
const runbookBytes = readFileSync(join(templateDir, 'runbook.md'));

const signer = await createSigner({ keyPath, env: process.env });
const journal = await createJournal({ runDir, runbookBytes, signer, principal: 'bench@litops', gitCommit: null });
const now = () => new Date().toISOString();
await journal.sink({ ...template['run.start'], ts: now() });
for (let attempt = 1; attempt <= cells; attempt++) {
  await journal.sink({ ...template['step.start'], ts: now() });
  await journal.sink({ ...template['cell.start'], attempt, ts: now() });
  await journal.sink({ type: 'cell.output', attempt, cell: template['cell.start'].cell, stream: 'stdout', data: stdout, ts: now() });
  await journal.sink({ ...template['cell.end'], attempt, ts: now() });
  await journal.sink({ ...template['step.end'], ts: now() });
}
await journal.sink({ ...template['run.end'], counts: { ...template['run.end'].counts, passed: cells }, ts: now() });
await journal.finish();
