import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlan } from '../../../src/executor/plan/build-plan.js';
import { checkGate, getGateExitCode } from '../../../src/executor/plan/check-gate.js';
import { loadSqlParser, parseRunbookSync } from '../../../src/parser/index.js';
import type { Runbook } from '../../../src/model/runbook.js';

/** Cells the parser marks blocking today (tail -f, journalctl -f, kubectl logs -f), bounded or not. */
const TEXT = `# Follow

## Watch

1. **Follow the log**

   \`\`\`bash {name=follow}
   echo start
   tail -f /var/log/syslog
   \`\`\`

2. **Follow the journal, bounded**

   \`\`\`bash {name=journal timeout=30s}
   journalctl -f -u nginx
   \`\`\`

3. **Follow the pod, with a timeout of 0**

   \`\`\`bash {name=pod timeout=0}
   kubectl logs -f deploy/api
   \`\`\`

4. **Check**

   \`\`\`bash {name=check}
   tail -n 20 /var/log/syslog
   \`\`\`
`;

let runbook: Runbook;
beforeAll(async () => {
  await loadSqlParser();
  runbook = parseRunbookSync(TEXT, { path: 'follow.md' }).runbook;
});

const gate = (mode: 'ci' | 'interactive', only?: string[]) =>
  checkGate(runbook, buildPlan(runbook, only ? { only } : {}), { mode, allowDestructive: false, missingInputs: [] });

describe('checkGate: blocking cells', () => {
  it('the parser marks the cells this test relies on (tail -f, journalctl -f, kubectl logs -f; not tail -n)', () => {
    expect(runbook.cells.map((cell) => [cell.id, cell.blocking])).toEqual([['follow', true], ['journal', true], ['pod', true], ['check', false]]);
  });

  it('in CI refuses every blocking cell that no timeout attribute bounds, exit 3, naming its file:line and reason with its line', () => {
    const problems = gate('ci');
    expect(problems.map((p) => p.kind)).toEqual(['blocking', 'blocking']);
    const [follow, pod] = problems;
    const cell = runbook.cells.find((c) => c.id === 'follow')!;
    expect(follow!.message).toContain(`follow (follow.md:${cell.line}) is blocking: `);
    expect(follow!.message).toContain(`${cell.blockingReasons[0]!.reason} (line ${cell.line + 2})`);
    expect(follow!.message).toMatch(/tail -f/);
    expect(follow!.message).toMatch(/bound it with a timeout attribute/);
    // A timeout of 0 is no timeout: it bounds nothing.
    expect(pod!.message).toMatch(/^pod \(follow\.md:\d+\) is blocking: .*kubectl logs -f/);
    expect(problems.every((p) => p.exitCode === 3)).toBe(true);
    expect(getGateExitCode(problems)).toBe(3);
  });

  it('lets a blocking cell through when its own timeout bounds it', () => {
    expect(gate('ci', ['journal'])).toEqual([]);
  });

  it('asks nothing of the cells a selection leaves out', () => {
    expect(gate('ci', ['check'])).toEqual([]);
    expect(gate('ci', ['follow']).map((p) => p.message)).toEqual([expect.stringMatching(/^follow /)]);
  });

  it('leaves blocking cells to the operator in the terminal UI', () => {
    expect(gate('interactive')).toEqual([]);
  });

  it('a front matter timeout does not bound a blocking cell: it is a safety net, not a plan', async () => {
    const { runbook: withDefault } = parseRunbookSync(`---\ntimeout: 5m\n---\n${TEXT}`, { path: 'follow.md' });
    const problems = checkGate(withDefault, buildPlan(withDefault), { mode: 'ci', allowDestructive: false, missingInputs: [] });
    expect(problems.map((p) => p.message.split(' ')[0])).toEqual(['follow', 'pod']);
  });
});
