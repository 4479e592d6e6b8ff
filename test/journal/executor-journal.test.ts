import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlan, createRun, emitRunStart, runUnattended } from '../../src/executor/index.js';
import { createJournal, findRunDirName, verifyRunDir, type Signer } from '../../src/journal/index.js';
import type { EventSink } from '../../src/model/events.js';
import { parseRunbookSync } from '../../src/parser/index.js';
import { makeTempDir } from './support/run-dirs.js';
import { createKeySigner, createTestKey, runSha256sumCheck, runSshKeygenVerify, type TestKey } from './support/test-keys.js';

const RUNBOOK = `---
variables:
  API_TOKEN:
    secret: true
---
# Token check

1. **Print things**

   \`\`\`bash {name=print}
   echo "token is $API_TOKEN"
   for i in 1 2 3; do echo "line $i"; done
   echo "to stderr: $API_TOKEN" >&2
   \`\`\`

2. **Count**

   \`\`\`bash {name=count}
   echo 42
   \`\`\`
`;
const SECRET = 'sk-live-7f3a9c2e1b';

let dir: string;
let key: TestKey;
let signer: Signer;
beforeAll(async () => {
  dir = await makeTempDir('litops-executor-journal-');
  key = createTestKey(dir, 'ci@example.com');
  signer = await createKeySigner(key);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the real executor writing through the journal', () => {
  it('leaves a run directory that verifies, passes stock tools, and holds no secret', async () => {
    const bytes = Buffer.from(RUNBOOK, 'utf8');
    const { runbook } = parseRunbookSync(RUNBOOK, { path: 'token-check.md', bytes });
    const plan = buildPlan(runbook, { only: [], from: null, to: null, tags: [] });
    let sink: EventSink | null = null;
    const { context, close } = await createRun({ runbook, runbookDir: dir, values: { API_TOKEN: SECRET }, db: null, sandbox: false, env: { PATH: process.env.PATH }, dataDir: join(dir, '.litops'), timeoutMs: null, emit: (event) => sink!(event) });
    const runDir = join(dir, 'runs', findRunDirName(context.runId));
    const journal = await createJournal({ runDir, runbookBytes: bytes, signer, principal: key.principal, gitCommit: null });
    sink = journal.sink;
    try {
      await emitRunStart(context, { options: { ci: true }, inputSources: { API_TOKEN: 'environment' }, mode: 'ci', plan, toolVersion: '0.0.0-test' });
      const summary = await runUnattended(context, plan);
      expect(summary.status).toBe('passed');
    } finally {
      await close();
    }
    await journal.finish();

    const report = await verifyRunDir(runDir, { allowedSigners: key.allowedSigners, runbookBytes: bytes });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ status: 'valid', exitCode: 0, signer: { principal: 'ci@example.com' } });
    expect(runSha256sumCheck(runDir).status).toBe(0);
    expect(runSshKeygenVerify({ allowedSignersPath: key.allowedSignersPath, principal: key.principal, signaturePath: join(runDir, 'SHA256SUMS.sig'), data: await readFile(join(runDir, 'SHA256SUMS')) }).status).toBe(0);

    expect(await readFile(join(runDir, 'out/1.stdout'), 'utf8')).toBe('token is [REDACTED]\nline 1\nline 2\nline 3\n');
    expect(await readFile(join(runDir, 'out/1.stderr'), 'utf8')).toBe('to stderr: [REDACTED]\n');
    expect(await readFile(join(runDir, 'out/2.stdout'), 'utf8')).toBe('42\n');
    const names = ['events.jsonl', 'SHA256SUMS', ...(await readdir(join(runDir, 'out'))).map((name) => `out/${name}`)];
    for (const name of names) expect(await readFile(join(runDir, name), 'utf8'), name).not.toContain(SECRET);
    const cast = (await readFile(join(runDir, 'out/1.cast'), 'utf8')).split('\n').slice(1, -1).map((line) => JSON.parse(line) as [number, string, string]);
    expect(cast.map(([, , data]) => data).join('').replace(/\r\n/g, '\n')).toMatch(/token is \[REDACTED\]/);
  });
});
