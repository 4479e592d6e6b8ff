import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { measureSideBySide, timeCommand } from '../lib/measure.mjs';
import { startPostgres } from '../lib/postgres.mjs';
import { makeRow, msOf } from '../lib/rows.mjs';

/**
 * Ten small statements for cell `i`: five inserts, an update, three selects
 * and a delete, on a temporary table (so every run starts from nothing and
 * leaves nothing). The first cell creates the table instead of one select.
 */
export function buildCellStatements(i) {
  const base = i * 5;
  const inserts = [1, 2, 3, 4, 5].map((k) => `INSERT INTO bench_items (id, name, qty) VALUES (${base + k}, 'item-${i}-${k}', ${k});`);
  const selects = [
    'SELECT count(*) AS items, sum(qty) AS total FROM bench_items;',
    `SELECT id, name, qty FROM bench_items WHERE id BETWEEN ${base + 1} AND ${base + 5} ORDER BY id;`,
    'SELECT now() AS at, current_user AS who;',
  ];
  const first = i === 0 ? ['CREATE TEMP TABLE bench_items (id int PRIMARY KEY, name text NOT NULL, qty int NOT NULL);'] : [selects.pop()];
  return [...first, ...inserts, `UPDATE bench_items SET qty = qty + 1 WHERE id = ${base + 1};`, ...selects, `DELETE FROM bench_items WHERE id = ${base + 5};`];
}

/** The runbook (one ```sql cell per step) and the same statements as one psql script. */
export function buildSqlWorkload(cells) {
  const parts = ['# SQL throughput\n\nSmall statements against a real server.\n\n## Statements\n'];
  const script = [];
  for (let i = 0; i < cells; i++) {
    const statements = buildCellStatements(i);
    parts.push(`### Batch ${i + 1}\n\n\`\`\`sql\n${statements.join('\n')}\n\`\`\`\n`);
    script.push(...statements);
  }
  return { markdown: parts.join('\n'), script: `${script.join('\n')}\n` };
}

/**
 * SQL throughput: `litops run --ci --db URL` of 100 cells of 10 statements on a
 * real PostgreSQL (started here), against `psql -X -q -f` of the same
 * statements on the same server, over the same TCP connection kind.
 */
export async function runSqlFigure(ctx) {
  const cells = ctx.quick ? 30 : 100;
  const { markdown, script } = buildSqlWorkload(cells);
  const file = join(ctx.tmp, 'sql-cells.md');
  const sqlFile = join(ctx.tmp, 'sql-cells.sql');
  writeFileSync(file, markdown);
  writeFileSync(sqlFile, script);
  const server = await startPostgres();
  try {
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('PG') && key !== 'DATABASE_URL'));
    const subjects = {
      litops: () => timeCommand(process.execPath, [ctx.litopsBin, 'run', file, '--ci', '--db', server.url, '--log-dir', join(ctx.tmp, 'runs'), '--key', ctx.keyPath], { cwd: ctx.tmp, env }),
      psql: async () => {
        const result = await timeCommand('psql', ['-X', '-q', '-f', sqlFile, server.url], { cwd: ctx.tmp, env });
        if (result.stderr.trim()) throw new Error(`psql reported: ${result.stderr.trim().split('\n')[0]}`);
        return result;
      },
    };
    const results = await measureSideBySide(subjects, ctx.reps(5));
    return [
      makeRow({
        figure: 'SQL throughput',
        workload: `${cells} SQL cells × 10 small statements, real PostgreSQL`,
        litops: { label: 'litops', values: msOf(results.litops) },
        anchor: { label: 'psql -X -q -f', values: msOf(results.psql) },
        target: { kind: 'max-ratio', value: 1.5, text: '≤ 1.5x' },
      }),
    ];
  } finally {
    server.stop();
  }
}
