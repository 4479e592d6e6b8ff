import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runLitops } from './run-litops.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'litops-resume-criteria-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

// The second cell waits the first time (the run is interrupted there) and ends at once when it runs again.
const RUNBOOK = `# Health

## Daily check

### Procedure Steps

1. **Read the version**

   \`\`\`bash {name=server-version}
   echo "server 16.4"
   \`\`\`

2. **Wait for the replica**

   \`\`\`bash {name=replica}
   if [ -e started ]; then echo caught up; else touch started; sleep 30; fi
   \`\`\`

### Success Criteria

- The server reports its version <!-- litops: {"check":"server-version stdout contains \\"server 16\\""} -->
- The replica caught up <!-- litops: {"check":"replica stdout contains \\"caught up\\""} -->
- Someone read the dashboard
`;

const ANSWERS = `criteria:
  daily-check/someone-read-the-dashboard:
    result: pass
    note: read by the pipeline
`;

type Line = { type: string } & Record<string, unknown>;
const readLog = (runDir: string): Line[] => readFileSync(join(runDir, 'events.jsonl'), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Line);

describe('resume after an interruption', () => {
  it('evaluates checks bound to cells that passed before the interruption: exit 0, and the report says they passed', async () => {
    await writeFile(join(dir, 'health.md'), RUNBOOK);
    await writeFile(join(dir, 'answers.yaml'), ANSWERS);
    const logDir = join(dir, 'runs');
    const child = spawn(process.execPath, [BIN, 'run', 'health.md', '--ci', '--log-dir', logDir], { cwd: dir, stdio: 'ignore', env: { ...process.env, LITOPS_SIGNING_KEY: '', DATABASE_URL: '' } });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await waitFor(() => existsSync(join(dir, 'started')));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    const runDir = join(logDir, readdirSync(logDir)[0]!);
    expect(readLog(runDir).filter((line) => line.type === 'cell.end').map((line) => [line.cell, line.status])).toEqual([['server-version', 'passed'], ['replica', 'cancelled']]);

    const report = join(dir, 'report.html');
    const resumed = await runLitops(['resume', runDir, '--ci', '--answers', 'answers.yaml', '--report', `html:${report}`], { cwd: dir, env: { LITOPS_SIGNING_KEY: undefined }, timeoutMs: 60_000 });
    expect(resumed.stderr + resumed.stdout).not.toMatch(/needs a person/);
    expect(resumed.code).toBe(0);
    const criteria = readLog(runDir).filter((line) => line.type === 'criterion');
    expect(criteria.map((line) => [line.criterion, line.result, line.by])).toEqual([
      ['daily-check/the-server-reports-its-version', 'pass', 'check'],
      ['daily-check/the-replica-caught-up', 'pass', 'check'],
      ['daily-check/someone-read-the-dashboard', 'pass', 'answers'],
    ]);
    expect(criteria[0]!.evidence).toMatch(/server 16/);
    const html = readFileSync(report, 'utf8');
    expect(html).not.toContain('did not run');
    expect(html).toContain('server-version stdout contains');
    // Signed by an ephemeral key: intact and complete, but unsigned (exit 4).
    const verified = await runLitops(['verify', runDir]);
    expect(verified.stdout).not.toMatch(/tampered|incomplete/i);
  }, 90_000);
});

async function waitFor(predicate: () => boolean, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
