import { redactUrl, resolveTarget } from '../executor/index.js';
import type { PlanTarget } from '../model/plan.js';
import type { Runbook } from '../model/runbook.js';

/** Where SQL would go: `--db`, `--sandbox`, and the environment (`DATABASE_URL`, `PG*`, `env:` connection URLs). */
export interface TargetOptions {
  db: string | null;
  sandbox: boolean;
  env: Record<string, string | undefined>;
}

/** A SQL cell's target, resolved as a run would (never connected), passwords redacted; why not when it cannot be. */
export function describePlanTarget(connection: string | null, runbook: Runbook, targets: TargetOptions): PlanTarget {
  try {
    const target = resolveTarget(connection, { connections: runbook.frontMatter.connections ?? {}, db: targets.db, env: targets.env, sandbox: targets.sandbox, dataDir: '.litops' });
    if (target.kind === 'embedded') return { kind: 'embedded', description: 'embedded PostgreSQL', source: target.source };
    return { kind: 'postgres', description: redactUrl(target.description), source: target.source };
  } catch (error) {
    return { kind: 'unresolved', description: error instanceof Error ? error.message : String(error), source: null };
  }
}
