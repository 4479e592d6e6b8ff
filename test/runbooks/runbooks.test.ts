/**
 * The runbooks shipped in runbooks/ must stay runnable: every SQL cell on the
 * embedded PostgreSQL (PGlite), every shell cell with `bash -eo pipefail`, and
 * every criterion bound to a cell that exists. Self-contained on purpose (remark
 * plus a few lines of glue, not src/), so a parser or executor bug cannot hide a
 * broken runbook, nor the reverse.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { Code, Html, Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';

const dir = fileURLToPath(new URL('../../runbooks/', import.meta.url));

interface Cell {
  line: number;
  lang: string;
  source: string;
  attrs: Record<string, unknown>;
}
interface Runbook {
  frontMatter: { title?: string; readonly?: boolean; variables?: Record<string, { default?: unknown; description?: unknown }> };
  cells: Cell[];
  checks: string[];
}

/** Cells with their attributes (litops comment before the fence, Runme JSON or key=value after the language). */
function load(file: string): Runbook {
  const text = readFileSync(dir + file, 'utf8');
  const tree = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).parse(text) as Root;
  const rb: Runbook = { frontMatter: {}, cells: [], checks: [] };
  const comment = (value: string): Record<string, unknown> | undefined => {
    const m = /<!--\s*litops:\s*(\{.*\})\s*-->/s.exec(value);
    return m?.[1] ? (JSON.parse(m[1]) as Record<string, unknown>) : undefined;
  };
  const walk = (node: Nodes, siblings: Nodes[]): void => {
    if (node.type === 'yaml') rb.frontMatter = YAML.parse(node.value) as Runbook['frontMatter'];
    if (node.type === 'html') {
      const check = comment(node.value)?.check;
      if (typeof check === 'string') rb.checks.push(check);
    }
    if (node.type === 'code') {
      const code = node as Code;
      const prev = siblings[siblings.indexOf(node) - 1];
      const attrs: Record<string, unknown> = { ...(prev?.type === 'html' ? comment((prev as Html).value) : undefined) };
      const meta = code.meta?.trim() ?? '';
      if (meta.startsWith('{"')) Object.assign(attrs, JSON.parse(meta));
      else for (const kv of meta.replace(/^\{|\}$/g, '').trim().split(/\s+/).filter(Boolean)) {
        const [k, v] = kv.split('=');
        if (k) attrs[k] = v;
      }
      rb.cells.push({ line: code.position?.start.line ?? 0, lang: (code.lang ?? '').toLowerCase(), source: code.value, attrs });
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes, node.children as Nodes[]);
  };
  walk(tree, []);
  return rb;
}

function defaults(rb: Runbook): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [name, v] of Object.entries(rb.frontMatter.variables ?? {})) vars[name] = String(v.default);
  return vars;
}

/** psql-style `:'NAME'` interpolation, as the executor does it (a quoted literal). */
function interpolate(sql: string, vars: Record<string, string>): string {
  return sql.replace(/(?<!:):'([A-Za-z_]\w*)'/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`variable ${name} is not set`);
    return `'${value.replace(/'/g, "''")}'`;
  });
}

const EXPECTATION = /^(exit|rows|value|duration)\s*(==|!=|<=|>=|<|>)\s*\S+$|^(stdout|stderr) (contains "[^"]*"|matches \/.*\/)$/;
const files = ['demo-setup.md', 'postgres-health.md', 'host-health.md', 'postgres-maintenance.md', 'backup-restore-drill.md', 'incident-connection-exhaustion.md'];

describe.each(files)('%s is well formed', (file) => {
  const rb = load(file);
  const names = new Set(rb.cells.map((c) => c.attrs.name).filter((n): n is string => typeof n === 'string'));

  it('has a title and documented inputs with defaults', () => {
    expect(rb.frontMatter.title).toBeTruthy();
    for (const [name, v] of Object.entries(rb.frontMatter.variables ?? {})) {
      expect(typeof v.description, name).toBe('string');
      expect(typeof v.default, name).toBe('string');
    }
  });

  it('binds criteria to cells that exist, with valid expectations', () => {
    for (const check of rb.checks) {
      const [cell, ...rest] = check.split(' ');
      expect(names.has(cell ?? ''), check).toBe(true);
      expect(rest.join(' '), check).toMatch(EXPECTATION);
    }
    for (const cell of rb.cells) for (const e of (cell.attrs.expect as string[] | undefined) ?? []) expect(e).toMatch(EXPECTATION);
  });

  it('names cells uniquely and only needs cells that exist', () => {
    expect(names.size).toBe(rb.cells.filter((c) => typeof c.attrs.name === 'string').length);
    for (const cell of rb.cells) for (const need of (cell.attrs.needs as string[] | undefined) ?? []) expect(names.has(need), need).toBe(true);
  });

  it('reads only SQL variables that are declared or captured earlier', () => {
    const known = new Set(Object.keys(rb.frontMatter.variables ?? {}));
    for (const cell of rb.cells) {
      for (const m of cell.source.matchAll(/(?<!:):'([A-Za-z_]\w*)'/g)) expect(known.has(m[1] ?? ''), `${m[1]} at line ${cell.line}`).toBe(true);
      if (typeof cell.attrs.capture === 'string') known.add(cell.attrs.capture);
    }
  });
});

describe('SQL runbooks on the embedded PostgreSQL', () => {
  let db: PGlite;
  const results = new Map<string, Record<string, unknown>[]>();

  beforeAll(async () => {
    db = await PGlite.create();
  });
  afterAll(async () => {
    await db.close();
  });

  for (const file of ['demo-setup.md', 'postgres-health.md']) {
    it(`runs every cell of ${file}`, async () => {
      const rb = load(file);
      const vars = defaults(rb);
      for (const cell of rb.cells.filter((c) => c.lang === 'sql')) {
        const sql = interpolate(cell.source, vars);
        if (rb.frontMatter.readonly) await db.exec('BEGIN READ ONLY');
        try {
          const out = await db.exec(sql);
          const rows = ([...out].reverse().find((r) => r.fields.length > 0)?.rows ?? []) as Record<string, unknown>[];
          if (typeof cell.attrs.name === 'string') results.set(cell.attrs.name, rows);
          const first = rows[0] ? Object.values(rows[0])[0] : undefined;
          if (typeof cell.attrs.capture === 'string') vars[cell.attrs.capture] = first == null ? '' : String(first);
        } catch (error) {
          throw new Error(`${file}:${cell.line} ${(error as Error).message}`);
        } finally {
          if (rb.frontMatter.readonly) await db.exec('ROLLBACK');
        }
      }
    }, 60_000);
  }

  it('finds what the demo planted', () => {
    const tableNames = (cell: string) => (results.get(cell) ?? []).map((r) => r.table_name);
    expect(tableNames('tables-needing-vacuum')).toContain('litops_demo.order_events');
    expect(tableNames('estimated-bloat')).toContain('litops_demo.order_events');
    expect((results.get('unused-indexes') ?? []).map((r) => r.index_name)).toContain('order_events_status_idx');
    expect(tableNames('duplicate-indexes')).toContain('litops_demo.customers');
    expect(results.get('long-running-queries')).toEqual([]);
    expect(Number(results.get('connection-usage')?.[0]?.pct_used)).toBeLessThan(80);
  });
});

describe('host-health.md in bash -eo pipefail', () => {
  it('runs every cell and ends the checked ones with a number', () => {
    const rb = load('host-health.md');
    const vars = defaults(rb);
    for (const cell of rb.cells.filter((c) => c.lang === 'bash')) {
      const run = spawnSync('bash', ['-eo', 'pipefail', '-c', cell.source], {
        env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C', ...vars },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 60_000,
      });
      expect(run.status, `line ${cell.line}: ${run.stderr}`).toBe(0);
      if (typeof cell.attrs.capture === 'string') vars[cell.attrs.capture] = run.stdout.trim();
      if (rb.checks.some((c) => c.startsWith(`${String(cell.attrs.name)} value`))) {
        expect(run.stdout, `line ${cell.line}`).toMatch(/\d(\.\d+)?%?\s*$/);
      }
    }
  }, 120_000);
});
