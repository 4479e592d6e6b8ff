import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/executor/plan/build-plan.js';
import { checkGate, getGateExitCode } from '../../../src/executor/plan/check-gate.js';
import { loadSqlParser, parseRunbookSync } from '../../../src/parser/index.js';
import type { Runbook } from '../../../src/model/runbook.js';

const TEXT = `---
variables:
  TARGET_DIR: { description: where to clean }
requires: [bash]
---
# Cleanup

## Prepare

1. **Look**

   \`\`\`bash {name=look tag=read}
   ls "$TARGET_DIR"
   \`\`\`

2. **Clean**

   \`\`\`bash {name=clean}
   rm -rf "$TARGET_DIR/cache"
   \`\`\`

   \`\`\`bash {name=optional excludeFromRunAll=true}
   echo optional
   \`\`\`

3. **Count**

   \`\`\`sql {name=count tag=read}
   SELECT 1;
   \`\`\`

   \`\`\`yaml
   a: 1
   \`\`\`

## Rollback

\`\`\`bash {name=undo}
echo undo
\`\`\`
`;

let runbook: Runbook;
beforeAll(async () => {
  await loadSqlParser();
  runbook = parseRunbookSync(TEXT, { path: 'cleanup.md' }).runbook;
});

const ids = (plan: ReturnType<typeof buildPlan>) => plan.cells.map((cell) => cell.id);

describe('buildPlan', () => {
  it('runs every executable cell in order, leaving out skip cells, reference blocks and rollback steps', () => {
    const plan = buildPlan(runbook);
    expect(ids(plan)).toEqual(['look', 'clean', 'count']);
    const skipped = plan.steps.flatMap((s) => s.skipped.map((k) => `${k.cell.id}: ${k.reason}`));
    expect(skipped).toContain('optional: skip attribute (excludeFromRunAll)');
    expect(skipped.some((line) => line.includes('yaml block'))).toBe(true);
  });

  it('--only a cell runs just it, even a skip cell; --only a step runs its cells', () => {
    expect(ids(buildPlan(runbook, { only: ['optional'] }))).toEqual(['optional']);
    expect(ids(buildPlan(runbook, { only: ['prepare/clean'] }))).toEqual(['clean']);
    expect(ids(buildPlan(runbook, { only: ['undo'] }))).toEqual(['undo']);
  });

  it('--from and --to cut the plan at a step or a cell, inclusive', () => {
    expect(ids(buildPlan(runbook, { from: 'clean' }))).toEqual(['clean', 'count']);
    expect(ids(buildPlan(runbook, { to: 'prepare/clean' }))).toEqual(['look', 'clean']);
    expect(ids(buildPlan(runbook, { from: 'look', to: 'look' }))).toEqual(['look']);
  });

  it('--tag keeps the steps whose cells carry the tag', () => {
    expect(ids(buildPlan(runbook, { tags: ['read'] }))).toEqual(['look', 'count']);
  });

  it('names an unknown id as a usage error', () => {
    expect(() => buildPlan(runbook, { only: ['nope'] })).toThrow(/--only nope: no cell, step or procedure/);
  });
});

describe('checkGate', () => {
  it('in CI names every missing input and every destructive cell, exit 3', () => {
    const plan = buildPlan(runbook);
    const missing = runbook.variables.filter((v) => v.name === 'TARGET_DIR');
    const problems = checkGate(runbook, plan, { mode: 'ci', allowDestructive: false, missingInputs: missing });
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^missing input TARGET_DIR \(where to clean\)/),
      expect.stringMatching(/^clean \(cleanup\.md:\d+\) is destructive: rm -r/),
    ]);
    expect(getGateExitCode(problems)).toBe(3);
  });

  it('lets destructive cells through when allowed by name or all', () => {
    const plan = buildPlan(runbook);
    expect(checkGate(runbook, plan, { mode: 'ci', allowDestructive: ['clean'], missingInputs: [] })).toEqual([]);
    expect(checkGate(runbook, plan, { mode: 'ci', allowDestructive: true, missingInputs: [] })).toEqual([]);
    expect(checkGate(runbook, plan, { mode: 'ci', allowDestructive: ['other'], missingInputs: [] })).toHaveLength(1);
  });

  it('is exit 2 when a required command is missing or the runbook has errors', () => {
    const plan = buildPlan(runbook);
    const problems = checkGate(runbook, plan, { mode: 'ci', allowDestructive: true, missingInputs: [], path: '/nonexistent' });
    expect(problems[0]!.message).toMatch(/requires `bash`, which is not on PATH/);
    expect(getGateExitCode(problems)).toBe(2);
  });
});
