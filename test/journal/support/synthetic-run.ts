import { createHash } from 'node:crypto';
import type { EventOf, RunEvent, SqlStatementResult } from '../../../src/model/events.js';

/** The runbook the synthetic run runs. */
export const RUNBOOK_TEXT = `# Nightly check

1. **Say hello**

   \`\`\`bash {name=hello}
   echo "hello, world"
   echo "warning: disk 81% full" >&2
   \`\`\`

2. **Count users**

   \`\`\`sql {name=count-users}
   SELECT count(*) FROM users;
   \`\`\`

3. **Clean up**

   \`\`\`bash {name=cleanup}
   rm -rf /tmp/litops-demo
   \`\`\`

## Success Criteria

- Users are counted
`;

export const RUNBOOK_BYTES = Buffer.from(RUNBOOK_TEXT, 'utf8');

/** A clock that moves 250 ms each time it is read. */
export function createClock(start = '2025-01-02T03:04:05.000Z', stepMs = 250): () => Date {
  let at = Date.parse(start);
  return () => {
    const now = new Date(at);
    at += stepMs;
    return now;
  };
}

type Output = ['stdout' | 'stderr', string];

/** Events of one cell attempt: cell.start, its output and statements, cell.end. */
export function buildCellEvents(now: () => Date, cell: { attempt: number; cell: string; step: string; lang: 'shell' | 'sql'; outputs: Output[]; statements?: SqlStatementResult[]; status?: EventOf<'cell.end'>['status'] }): RunEvent[] {
  const ts = () => now().toISOString();
  const source = cell.lang === 'shell' ? `echo ${cell.cell}\n` : 'SELECT count(*) FROM users;\n';
  const events: RunEvent[] = [
    { type: 'cell.start', ts: ts(), attempt: cell.attempt, cell: cell.cell, step: cell.step, lang: cell.lang, target: cell.lang === 'shell' ? 'shell' : 'default', source, sha256: sha256(source), originalSha256: null, cwd: null },
  ];
  for (const statement of cell.statements ?? []) events.push({ type: 'sql.statement', ts: ts(), attempt: cell.attempt, cell: cell.cell, result: statement });
  for (const [stream, data] of cell.outputs) events.push({ type: 'cell.output', ts: ts(), attempt: cell.attempt, cell: cell.cell, stream, data });
  const text = (stream: 'stdout' | 'stderr') => cell.outputs.filter(([s]) => s === stream).map(([, data]) => data).join('');
  const status = cell.status ?? 'passed';
  events.push({
    type: 'cell.end',
    ts: ts(),
    attempt: cell.attempt,
    cell: cell.cell,
    status,
    exitCode: cell.lang === 'shell' ? (status === 'passed' ? 0 : 1) : null,
    signal: null,
    durationMs: 12.5,
    expectations: [],
    error: null,
    capture: null,
    stdout: { bytes: Buffer.byteLength(text('stdout')), sha256: sha256(text('stdout')) },
    stderr: { bytes: Buffer.byteLength(text('stderr')), sha256: sha256(text('stderr')) },
    tail: `${text('stdout')}${text('stderr')}`.slice(-200),
    session: cell.lang === 'shell' ? { cwd: '/srv/app', variables: { REGION: 'eu' }, exported: ['REGION'] } : null,
  });
  return events;
}

/** A SQL statement result as the executor reports one. */
export function buildStatement(index: number, text: string, rows: unknown[][]): SqlStatementResult {
  return { index, text, line: index + 1, command: 'SELECT', rowCount: rows.length, columns: [{ name: 'count', type: 'int8' }], rows, truncated: false, notices: [], durationMs: 1.25, error: null };
}

/** run.start of the synthetic run. */
export function buildRunStart(now: () => Date, runId = '20250102-030405-nightly-check-a1b2c3'): EventOf<'run.start'> {
  return {
    type: 'run.start',
    ts: now().toISOString(),
    runId,
    runbook: { path: 'runbooks/nightly.md', sha256: sha256(RUNBOOK_BYTES), title: 'Nightly check' },
    options: { ci: true, set: ['REGION=eu'] },
    inputs: { REGION: 'eu', DB_PASSWORD: '[REDACTED]' },
    inputSources: { REGION: '--set', DB_PASSWORD: 'environment' },
    host: 'ci-runner-1',
    user: 'ci',
    toolVersion: '0.1.0',
    mode: 'ci',
    plan: ['hello', 'count-users', 'cleanup'],
  };
}

/**
 * A whole run: two steps with a shell and a SQL cell, a failed then retried
 * cell, a skip decision, a criterion, a notice and run.end. Output includes
 * multi-byte text, carriage returns and a chunk split over several events.
 */
export function buildSyntheticRun(now: () => Date = createClock()): RunEvent[] {
  const ts = () => now().toISOString();
  return [
    buildRunStart(now),
    { type: 'step.start', ts: ts(), step: 'say-hello', title: 'Say hello', procedure: 'nightly-check' },
    ...buildCellEvents(now, { attempt: 1, cell: 'hello', step: 'say-hello', lang: 'shell', outputs: [['stdout', 'hello, '], ['stdout', 'world — ✓ ünïcode\n'], ['stderr', 'warning: disk 81% full\n'], ['stdout', 'progress 50%\rprogress 100%\n']], status: 'failed' }),
    { type: 'decision', ts: ts(), action: 'retry', cell: 'hello', step: 'say-hello', reason: 'flaky disk check', by: 'operator', source: null },
    ...buildCellEvents(now, { attempt: 2, cell: 'hello', step: 'say-hello', lang: 'shell', outputs: [['stdout', 'hello, world\n']] }),
    { type: 'step.end', ts: ts(), step: 'say-hello', status: 'passed' },
    { type: 'target.open', ts: ts(), target: { name: 'default', kind: 'embedded', description: '.litops/pglite', source: 'embedded', serverVersion: '17.4' } },
    { type: 'step.start', ts: ts(), step: 'count-users', title: 'Count users', procedure: 'nightly-check' },
    ...buildCellEvents(now, { attempt: 3, cell: 'count-users', step: 'count-users', lang: 'sql', statements: [buildStatement(0, 'SELECT count(*) FROM users', [[42]])], outputs: [['stdout', ' count \n-------\n    42\n(1 row)\n']] }),
    { type: 'step.end', ts: ts(), step: 'count-users', status: 'passed' },
    { type: 'decision', ts: ts(), action: 'skip', cell: 'cleanup', step: 'clean-up', reason: 'destructive; not allowed', by: 'policy', source: null },
    { type: 'criterion', ts: ts(), criterion: 'users-are-counted', result: 'pass', by: 'check', evidence: 'count-users value 42', note: null },
    { type: 'run.notice', ts: ts(), level: 'info', message: 'the run used the embedded PostgreSQL' },
    { type: 'run.end', ts: ts(), status: 'passed', exitCode: 0, durationMs: 2000, counts: { passed: 2, failed: 1, skipped: 1, notRun: 0 }, reason: 'every cell ran and every check passed' },
  ];
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
