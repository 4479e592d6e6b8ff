import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { runLitops } from '../../cli/run-litops.js';
import { requireTmux, startTmux, type TmuxSession, waitForExit } from '../../support/tmux.js';

const run = promisify(execFile);
const BIN = join(new URL('../../../', import.meta.url).pathname, 'bin/litops.js');

const sessions: TmuxSession[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.kill()));
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })));
});

const RUNBOOK = `# Health

## Daily check

### Procedure Steps

1. **Read the version**

   \`\`\`bash {name=server-version}
   echo "server 16.4"
   \`\`\`

2. **Read the replica**

   \`\`\`bash {name=replica}
   echo "caught up"
   \`\`\`

### Success Criteria

- The server reports its version <!-- litops: {"check":"server-version stdout contains \\"server 16\\""} -->
- The replica caught up <!-- litops: {"check":"replica stdout contains \\"caught up\\""} -->
- Someone read the dashboard
`;

const ANSWERS = 'criteria:\n  daily-check/someone-read-the-dashboard:\n    result: pass\n    note: read by the pipeline\n';

describe('quit in the terminal UI, then resume unattended (tmux)', () => {
  it('a check whose cell passed before the quit is evaluated on resume: exit 0, and the report says the operator quit and the check passed', async (context) => {
    requireTmux(context);
    const dir = await mkdtemp(join(tmpdir(), 'litops-e2e-resume-'));
    dirs.push(dir);
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'oncall@example.com', '-f', join(dir, 'key')]);
    await writeFile(join(dir, 'health.md'), RUNBOOK);
    await writeFile(join(dir, 'answers.yaml'), ANSWERS);
    const env = { LITOPS_SIGNING_KEY: join(dir, 'key'), HOME: dir };
    const ui = await startTmux(`node ${BIN} run health.md --log-dir runs`, { cwd: dir, env, cols: 80, rows: 24 });
    sessions.push(ui);
    await ui.waitFor('Enter start');
    await ui.send('Enter');
    await ui.waitFor('Enter run/next');
    await ui.send('Enter');
    await ui.waitFor('✓ passed · exit 0');
    await ui.send('q');
    await ui.waitFor('The run stays resumable');
    await ui.send('y');
    expect(await waitForExit(ui)).toBe(130);
    const [runName] = await readdir(join(dir, 'runs'));
    const runDir = join(dir, 'runs', runName!);

    const resumed = await runLitops(['resume', runDir, '--ci', '--answers', 'answers.yaml', '--report', 'html:report.html'], { cwd: dir, env, timeoutMs: 60_000 });
    expect(resumed.stdout + resumed.stderr).not.toMatch(/needs a person/);
    expect(resumed.code).toBe(0);
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('server-version stdout contains &quot;server 16&quot;: actual');
    expect(html).not.toContain('did not run');
    expect(html).toContain('the run was interrupted (the operator quit)');
    expect(html).toContain('resumed after the run was interrupted (the operator quit)');
    expect(html).not.toMatch(/aborted|cut off/);
  }, 60_000);
});
