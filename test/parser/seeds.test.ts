import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Runbook } from '../../src/model/runbook.js';
import { fixturesDir, listCases, parseFixture } from './helpers.js';

const seeds = listCases('seeds');
const graphs = new Map<string, Runbook>();
const texts = new Map<string, string>();

beforeAll(async () => {
  for (const seed of seeds) {
    graphs.set(seed, await parseFixture(join(fixturesDir, 'seeds', seed)));
    texts.set(seed, readFileSync(join(fixturesDir, 'seeds', seed, 'input.md'), 'utf8'));
  }
});

const seed = (prefix: string): Runbook => graphs.get(seeds.find((s) => s.startsWith(prefix))!)!;

/** An oracle independent of remark: opening fences found line by line (the seeds have no tricky nesting). */
function fenceLines(text: string, langs: RegExp): number[] {
  const lines: number[] = [];
  let open = false;
  text.split('\n').forEach((line, i) => {
    const match = /^\s*```(\S*)/.exec(line);
    if (!match) return;
    if (open) {
      if (match[1] === '') open = false;
      return;
    }
    open = true;
    if (langs.test(match[1]!)) lines.push(i + 1);
  });
  return lines;
}

/** Shell-labelled blocks of the seeds that are configuration files (read by hand): shown, never run. */
const CONFIGURATION_BLOCKS: Record<string, number[]> = { '004': [101, 144, 176, 190] };
const configurationOf = (name: string): number[] => CONFIGURATION_BLOCKS[name.slice(0, 3)] ?? [];

describe('the seed runbooks', () => {
  it('finds five seeds', () => expect(seeds).toHaveLength(5));

  it.each(seeds)('%s: every ```bash and ```sql block is one executable cell at its opening fence', (name) => {
    const runbook = graphs.get(name)!;
    const expected = fenceLines(texts.get(name)!, /^(bash|sql)$/).filter((line) => !configurationOf(name).includes(line));
    const actual = [...new Set(runbook.cells.filter((c) => c.executable).map((c) => c.line))].sort((a, b) => a - b);
    expect(actual).toEqual(expected);
    for (const cell of runbook.cells.filter((c) => c.executable)) expect(['shell', 'sql']).toContain(cell.lang);
  });

  it.each(seeds)('%s: every other block is a reference cell at its fence', (name) => {
    const runbook = graphs.get(name)!;
    const expected = [...fenceLines(texts.get(name)!, /^(?!bash$|sql$)/), ...configurationOf(name)].sort((a, b) => a - b);
    const actual = runbook.cells.filter((c) => !c.executable).map((c) => c.line).sort((a, b) => a - b);
    expect(actual).toEqual(expected);
    for (const line of configurationOf(name)) expect(runbook.cells.find((c) => c.line === line)?.block).toBe('configuration');
  });

  it('keeps yaml, typescript, go, nginx, promql, dockerfile, cron and unlabeled blocks as reference cells', () => {
    const langs = new Set([...graphs.values()].flatMap((r) => r.cells.filter((c) => !c.executable).map((c) => c.lang)));
    for (const lang of ['yaml', 'typescript', 'go', 'nginx', 'promql', 'dockerfile', 'cron', 'text']) expect(langs).toContain(lang);
    for (const runbook of graphs.values()) {
      for (const cell of runbook.cells.filter((c) => c.lang !== 'shell' && c.lang !== 'sql')) expect(cell.executable).toBe(false);
    }
  });

  it('002: the Morning Health Check "Procedure Steps" 1-6 are steps titled by their bold text', () => {
    const runbook = seed('002');
    const procedure = runbook.procedures.find((p) => p.title === 'Morning Health Check Runbook')!;
    expect(procedure.metadata).toEqual({ Frequency: 'Daily, 9:00 AM', Duration: '15 minutes', Responsible: 'On-call Engineer' });
    const titles = procedure.steps.map((id) => runbook.steps.find((s) => s.id === id)!.title);
    expect(titles).toEqual(['System Resource Check', 'Application Health Verification', 'Database Health Check', 'Cache Health Check', 'Log Analysis', 'Alert Review']);
    for (const id of procedure.steps) expect(runbook.steps.find((s) => s.id === id)!.cells).toHaveLength(1);
  });

  it('002: Success Criteria bullets are criteria and Escalation Procedures attach to their procedure', () => {
    const runbook = seed('002');
    const procedure = runbook.procedures.find((p) => p.title === 'Morning Health Check Runbook')!;
    const criteria = runbook.criteria.filter((c) => c.procedure === procedure.id).map((c) => c.text);
    expect(criteria).toEqual(['All services report healthy status', 'Response times < 500ms', 'Error rate < 1%', 'Database connections < 80% of max', 'Cache hit rate > 85%']);
    const escalation = runbook.guidance.find((g) => g.procedure === procedure.id && g.kind === 'escalation')!;
    expect(escalation.title).toBe('Escalation Procedures');
    expect(escalation.items).toContain('If any service is down: Page DevOps immediately');
    const prerequisites = runbook.prerequisites.filter((p) => p.procedure === procedure.id).map((p) => p.text);
    expect(prerequisites).toEqual(['Access to production monitoring dashboard', 'SSH access to production servers', 'Database admin credentials']);
  });

  it('002: rollback cells are on-failure steps of the Library Update procedure', () => {
    const runbook = seed('002');
    const procedure = runbook.procedures.find((p) => p.title === 'Library Update Runbook')!;
    const rollback = runbook.steps.find((s) => s.procedure === procedure.id && s.role === 'rollback')!;
    expect(rollback.title).toBe('Rollback Procedures');
    const cell = runbook.cells.find((c) => c.id === rollback.cells[0])!;
    expect(cell.destructive).toBe(true);
    expect(cell.reasons.map((r) => r.text).join('\n')).toContain('kubectl rollout undo');
  });

  it('classifies DATABASE_URL, DB_HOST, BACKUP_FILE and friends as inputs or as set by the runbook', () => {
    const role = (prefix: string, name: string) => seed(prefix).variables.find((v) => v.name === name)?.role;
    expect(role('000', 'DATABASE_URL')).toBe('input');
    expect(role('000', 'TEST_DB_URL')).toBe('input');
    expect(role('000', 'BACKUP_FILE')).toBe('set');
    expect(role('002', 'DB_HOST')).toBe('input');
    expect(role('002', 'DB_USER')).toBe('input');
    expect(role('002', 'LOG_DIR')).toBe('set');
    expect(role('002', 'RETENTION_DAYS')).toBe('set');
    expect(role('003', 'BACKUP_FILE')).toBe('set');
    expect(role('003', 'R2_ENDPOINT')).toBe('input');
    expect(seed('002').variables.find((v) => v.name === 'HEALTH_CHECK_URL')?.role).toBe('set');
  });

  it.each([
    ['000', 'docker system prune'],
    ['002', '-delete'],
    ['002', 'VACUUM FULL'],
    ['002', 'kubectl rollout undo'],
    ['002', 'ALTER SYSTEM'],
    ['003', 'fly scale count 0'],
    ['003', 'pg_terminate_backend'],
    ['004', 'DROP INDEX'],
    ['004', 'pg_terminate_backend'],
  ])('%s: a cell with %s is destructive, with its reason', (prefix, text) => {
    const runbook = seed(prefix);
    const hits = runbook.cells.filter((c) => c.destructive && c.reasons.some((r) => r.text.includes(text)));
    expect(hits.length, `no destructive cell whose reason quotes ${text}`).toBeGreaterThan(0);
    for (const cell of hits) for (const reason of cell.reasons) expect(reason.reason.length).toBeGreaterThan(5);
  });

  it('does not call `fly scale count 2` or `kubectl get` destructive', () => {
    const all = [...graphs.values()].flatMap((r) => r.cells);
    const scaleUp = all.filter((c) => /^fly scale count [1-9]/m.test(c.source) && !/count 0/.test(c.source));
    expect(scaleUp.length).toBeGreaterThan(0);
    for (const cell of scaleUp) expect(cell.reasons.filter((r) => r.text.includes('fly scale'))).toEqual([]);
  });

  it('003: a shell block with `# Step N:` comments is split into parts sharing a fence line', () => {
    const runbook = seed('003');
    const parts = runbook.cells.filter((c) => c.part);
    expect(parts.length).toBeGreaterThan(1);
    const group = parts.filter((c) => c.part!.group === parts[0]!.part!.group);
    expect(group.map((c) => c.part!.index)).toEqual(group.map((_, i) => i + 1));
    expect(new Set(group.map((c) => c.line)).size).toBe(1);
  });

  it('001: the nginx server block under a bash label is shown, and only the commands before it run', () => {
    const cell = seed('001').cells.find((c) => c.line === 173)!;
    expect(cell.executable).toBe(true);
    expect(cell.source).toBe('cd ui\nnpm run build');
    expect(seed('001').diagnostics.some((d) => d.line === 173 && d.rule === 'configuration-in-shell-block')).toBe(true);
  });

  it('001, 002, 004: the plan follows the document (SSL/TLS after Database Setup; log rotation after the morning checks; failover after assessing damage)', () => {
    for (const runbook of [seed('001'), seed('002'), seed('004')]) {
      // 002's "Log Rotation and Cleanup" (line 106, with find -delete) used to run before the morning checks above it.
      const lines = runbook.steps.map((s) => s.line);
      expect(lines).toEqual([...lines].sort((a, b) => a - b));
    }
    const order = (runbook: Runbook, title: RegExp) => runbook.steps.findIndex((s) => title.test(s.title));
    expect(order(seed('001'), /SSL\/TLS Setup/)).toBeGreaterThan(order(seed('001'), /Database Setup/));
    expect(order(seed('004'), /Failover/)).toBeGreaterThan(order(seed('004'), /Assess damage/));
  });
});
