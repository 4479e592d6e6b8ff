import { beforeAll, describe, expect, it } from 'vitest';
import { resolveInputs, scopeInputs } from '../../../src/executor/inputs/index.js';
import { buildPlan } from '../../../src/executor/plan/build-plan.js';
import { buildPlanFromCells } from '../../../src/executor/plan/plan-from-cells.js';
import type { Runbook } from '../../../src/model/runbook.js';
import { loadSqlParser, parseRunbookSync } from '../../../src/parser/index.js';

const TEXT = `---
variables:
  AUDIT_TOKEN: { description: declared but read by no cell, secret: true }
---
# Two jobs

## Restart the API

1. **Drain**

   \`\`\`bash {name=drain}
   echo "draining $API_HOST"
   \`\`\`

2. **Find the pod**

   \`\`\`bash {name=find-pod}
   POD=$(echo "api-$API_HOST")
   \`\`\`

3. **Restart it**

   \`\`\`bash {name=restart}
   echo "restarting $POD in \${NAMESPACE:-default}"
   \`\`\`

## Vacuum the database

1. **Vacuum**

   \`\`\`sql {name=vacuum}
   SELECT :'DB_TABLE';
   \`\`\`

2. **Report**

   \`\`\`bash {name=report}
   echo "vacuumed $DB_TABLE after $POD"
   \`\`\`
`;

let runbook: Runbook;
beforeAll(async () => {
  await loadSqlParser();
  runbook = parseRunbookSync(TEXT, { path: 'two-jobs.md' }).runbook;
});

const names = (variables: Array<{ name: string }>) => variables.map((variable) => variable.name);

describe('scopeInputs', () => {
  it('a whole run keeps every input of the runbook, even one no cell reads', () => {
    const scoped = scopeInputs(runbook, buildPlan(runbook), { whole: true });
    expect(names(scoped)).toEqual(['AUDIT_TOKEN', 'API_HOST', 'NAMESPACE', 'DB_TABLE']);
    expect(scoped.every((variable) => variable === runbook.variables.find((v) => v.name === variable.name))).toBe(true);
  });

  it('one procedure needs only the inputs its cells read, not the declared-but-unread one', () => {
    expect(names(scopeInputs(runbook, buildPlan(runbook, { only: ['restart-the-api'] })))).toEqual(['API_HOST', 'NAMESPACE']);
    expect(names(scopeInputs(runbook, buildPlan(runbook, { only: ['drain'] })))).toEqual(['API_HOST']);
  });

  it('scopes --from, --to and --tag the same way', () => {
    expect(names(scopeInputs(runbook, buildPlan(runbook, { to: 'drain' })))).toEqual(['API_HOST']);
    expect(names(scopeInputs(runbook, buildPlan(runbook, { from: 'vacuum', to: 'vacuum' })))).toEqual(['DB_TABLE']);
  });

  it('asks for a variable a planned cell reads when the cell that sets it is not selected, saying so', () => {
    const scoped = scopeInputs(runbook, buildPlan(runbook, { only: ['restart'] }));
    expect(names(scoped)).toEqual(['POD', 'NAMESPACE']);
    const pod = scoped.find((variable) => variable.name === 'POD')!;
    expect(pod).toMatchObject({ role: 'input', required: true, default: null, description: 'set by find-pod, which is not selected' });
    expect(runbook.variables.find((variable) => variable.name === 'POD')!.role).toBe('set');
    const resolved = resolveInputs(scoped, { set: {}, envFile: {}, env: { POD: 'api-7' } });
    expect(resolved).toMatchObject({ values: { POD: 'api-7' }, missing: [] });
    expect(resolveInputs(scoped, { set: {}, envFile: {}, env: {} }).missing.map((variable) => variable.name)).toEqual(['POD']);
  });

  it('does not ask when the setter is planned before the reader, or the read has a fallback', () => {
    expect(names(scopeInputs(runbook, buildPlan(runbook, { only: ['find-pod', 'restart'] })))).toEqual(['API_HOST', 'NAMESPACE']);
    // NAMESPACE is read as ${NAMESPACE:-default}: an input, never required.
    expect(runbook.variables.find((variable) => variable.name === 'NAMESPACE')!.required).toBe(false);
  });

  it('a setter in another procedure counts as not selected', () => {
    // vacuum-the-database alone reads POD, which restart-the-api sets.
    expect(names(scopeInputs(runbook, buildPlan(runbook, { only: ['vacuum-the-database'] })))).toEqual(['POD', 'DB_TABLE']);
  });

  it('a whole run asks for what a skip cell would have set', () => {
    const text = ['# Skips', '```bash {name=setup excludeFromRunAll=true}', 'TOKEN_FILE=/tmp/t', '```', '```bash {name=use}', 'cat "$TOKEN_FILE"', '```', ''].join('\n');
    const skips = parseRunbookSync(text, { path: 'skips.md' }).runbook;
    const scoped = scopeInputs(skips, buildPlan(skips), { whole: true });
    expect(scoped.map((variable) => [variable.name, variable.description])).toEqual([['TOKEN_FILE', 'set by setup, which is not selected']]);
  });

  it('a resumed run does not ask for what its finished cells set', () => {
    const remaining = buildPlanFromCells(runbook, ['restart', 'vacuum', 'report']);
    expect(names(scopeInputs(runbook, remaining, { done: ['drain', 'find-pod'] }))).toEqual(['NAMESPACE', 'DB_TABLE']);
    expect(names(scopeInputs(runbook, remaining))).toEqual(['POD', 'NAMESPACE', 'DB_TABLE']);
  });

  it('parses again only cells at or after a setter that is not planned, and that name what it sets', () => {
    const seen: string[] = [];
    // drain is before find-pod; vacuum does not mention POD; report does.
    scopeInputs(runbook, buildPlan(runbook, { only: ['drain', 'vacuum-the-database'] }), { readsOf: (cell) => (seen.push(cell.id), []) });
    expect(seen).toEqual(['report']);
    seen.length = 0;
    scopeInputs(runbook, buildPlan(runbook), { whole: true, readsOf: (cell) => (seen.push(cell.id), []) });
    expect(seen).toEqual([]);
  });
});
