import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLitops } from './run-litops.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'litops-answers-'));
  await writeFile(join(dir, 'drill.md'), RUNBOOK);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const RUNBOOK = `# Restore drill

## Drill

### Prerequisites

- Announce the drill in #ops

### Procedure Steps

1. **Restore**

   \`\`\`bash {name=restore}
   echo restored
   \`\`\`

2. **Record the restore time in the drill log**

3. **Wipe the scratch copy**

   \`\`\`bash {name=wipe}
   rm -rf "\${TMPDIR:-/tmp}/litops-answers-scratch"
   \`\`\`

- [ ] Tell the team the drill is over

### Success Criteria

- The restored data looks right
- Restore finished <!-- litops: {"check":"restore exit == 0"} -->
`;

const ids = {
  prerequisite: 'drill/pre/announce-the-drill-in-ops',
  manual: 'drill/record-the-restore-time-in-the-drill-log',
  check: 'drill/tell-the-team-the-drill-is-over',
  criterion: 'drill/the-restored-data-looks-right',
};

async function runWith(name: string, answers: string, args: string[] = []) {
  await writeFile(join(dir, `${name}.yaml`), answers);
  const logDir = join(dir, `${name}.runs`);
  const result = await runLitops(['run', join(dir, 'drill.md'), '--ci', '--answers', join(dir, `${name}.yaml`), '--log-dir', logDir, ...args], { cwd: dir, env: { LITOPS_SIGNING_KEY: undefined }, timeoutMs: 60_000 });
  const runs = (() => {
    try {
      return readdirSync(logDir);
    } catch {
      return [];
    }
  })();
  const events = runs.length ? readFileSync(join(logDir, runs[0]!, 'events.jsonl'), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>) : [];
  return { result, events };
}

const full = `criteria:
  ${ids.criterion}: { result: pass, note: spot-checked 20 rows }
steps:
  ${ids.manual}: { result: done, note: 4m12s }
  ${ids.check}: done
prerequisites:
  ${ids.prerequisite}: pass
confirm: [wipe]
`;

describe('--answers', () => {
  it('answers manual criteria, manual and task-list steps, prerequisites and confirmations; each is recorded as given by the answers file', async () => {
    const { result, events } = await runWith('full', full);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const byAnswers = events.filter((e) => e.by === 'answers');
    expect(byAnswers.map((e) => `${e.type}:${e.action ?? e.result}:${e.cell ?? e.step ?? e.criterion ?? ''}`)).toEqual([
      'decision:confirm:',
      `decision:confirm:${ids.manual}`,
      'decision:confirm:wipe',
      `decision:confirm:${ids.check}`,
      `criterion:pass:${ids.criterion}`,
    ]);
    expect(byAnswers[0]!.reason).toContain('Announce the drill in #ops');
    expect(byAnswers[1]!.reason).toContain('4m12s');
    expect(byAnswers[4]!.note).toBe('spot-checked 20 rows');
    expect(events.find((e) => e.type === 'criterion' && e.by === 'check')).toMatchObject({ result: 'pass' });
  });

  it('without answers, runs what it can, then exits 3 listing every unanswered id; the destructive cell is refused first', async () => {
    const refused = await runWith('none', '{}\n');
    expect(refused.result.code).toBe(3);
    expect(refused.result.stderr).toMatch(/wipe .* is destructive/);
    const { result } = await runWith('no-wipe', 'confirm: [wipe]\n');
    expect(result.code).toBe(3);
    for (const id of Object.values(ids)) expect(result.stdout).toContain(id);
    expect(result.stdout).toMatch(/2 passed, 0 failed/);
    expect(result.stdout).toContain("give a person's answers with --answers FILE");
  });

  it('a criterion or step answered fail fails the run (exit 1)', async () => {
    const { result } = await runWith('fail', full.replace('{ result: pass, note: spot-checked 20 rows }', 'fail'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/criteri.* failed/);
  });

  it('names every unknown id, exit 2, before anything runs', async () => {
    const { result, events } = await runWith('unknown', `criteria:\n  nope/criterion: pass\nsteps:\n  nope/step: done\nconfirm: [nope-cell]\n`);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown ids: criteria nope\/criterion, steps nope\/step, confirm nope-cell/);
    expect(events).toEqual([]);
  });

  it('rejects a malformed answers file with its file and line, exit 2', async () => {
    const bad = await runWith('bad-value', `steps:\n  ${ids.manual}: maybe\n`);
    expect(bad.result.code).toBe(2);
    expect(bad.result.stderr).toMatch(/bad-value\.yaml:2: .*steps/);
    const syntax = await runWith('bad-yaml', 'criteria: [unclosed\n');
    expect(syntax.result.code).toBe(2);
    expect(syntax.result.stderr).toMatch(/bad-yaml\.yaml:\d+:/);
    expect(syntax.result.stderr).not.toMatch(/column \d+:\n/);
    expect(syntax.result.stderr).toMatch(/[a-z\]]\n$/);
    const key = await runWith('bad-key', 'critera: {}\n');
    expect(key.result.code).toBe(2);
    expect(key.result.stderr).toMatch(/bad-key\.yaml:1:/);
  });
});
