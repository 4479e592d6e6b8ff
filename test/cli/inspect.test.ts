import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runLitops, SEEDS_DIR } from './run-litops.js';

const seeds = readdirSync(SEEDS_DIR).sort();

interface GraphJson {
  sha256: string;
  cells: unknown[];
  steps: unknown[];
  diagnostics: { severity: string; rule: string; line: number }[];
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'litops-inspect-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `inspect --json` and checks what holds for any readable file. */
async function inspectJson(path: string): Promise<{ code: number | null; graph: GraphJson }> {
  const result = await runLitops(['inspect', path, '--json']);
  expect(result.stderr).toBe('');
  const graph = JSON.parse(result.stdout) as GraphJson;
  expect(graph.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
  const hasErrors = graph.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  expect(result.code).toBe(hasErrors ? 1 : 0);
  return { code: result.code, graph };
}

describe('litops inspect', () => {
  it('has seeds to read', () => {
    expect(seeds.length).toBeGreaterThan(0);
  });

  it.each(seeds)('prints the outline and the JSON graph of seed %s, exit 1 only for error diagnostics', async (seed) => {
    const path = join(SEEDS_DIR, seed, 'input.md');
    const [outline, { code, graph }] = await Promise.all([runLitops(['inspect', path]), inspectJson(path)]);
    expect(graph.cells.length).toBeGreaterThan(0);
    expect(graph.steps.length).toBeGreaterThan(0);
    expect(outline.stderr).toBe('');
    expect(outline.stdout.trim()).not.toBe('');
    expect(outline.stdout.endsWith('\n')).toBe(true);
    expect(outline.stdout).not.toContain('\u001b[');
    expect(outline.code).toBe(code);
  });

  it('reads a file with a BOM and CRLF line ends', async () => {
    const path = join(dir, 'bom-crlf.md');
    const text = '# Disk check\r\n\r\n1. **Check free space**\r\n\r\n   ```bash\r\n   df -h /\r\n   ```\r\n';
    await writeFile(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const { code, graph } = await inspectJson(path);
    expect(code).toBe(0);
    expect(graph.cells).toHaveLength(1);
  });

  it('counts in the singular where there is one (no "1 cells")', async () => {
    const path = join(dir, 'one-of-each.md');
    await writeFile(path, '# One of each\n\n## Procedure: Check\n\n1. **Look**\n\n   ```bash\n   echo "$NAME"\n   ```\n\n### Success criteria\n\n- The output looks right\n');
    const result = await runLitops(['inspect', path]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('1 procedure · 1 step · 1 executable cell (0 reference) · 0 destructive · 0 blocking · 1 criterion · 1 input\n');
    // Nobody has judged the manual criterion yet: a neutral mark, not ✓.
    expect(result.stdout).toContain('  ☐ criterion: The output looks right  [manual]\n');
    expect(result.stdout).not.toMatch(/✓ criterion: The output looks right/);
  });

  it('reads an empty file', async () => {
    const path = join(dir, 'empty.md');
    await writeFile(path, '');
    await inspectJson(path);
  });

  it('exits 1, not 2, for a readable runbook with error diagnostics', async () => {
    const path = join(dir, 'broken.md');
    await writeFile(
      path,
      [
        '# Broken',
        '',
        '<!-- litops: {"name":"a","needs":["b"]} -->',
        '```bash',
        'echo a',
        '```',
        '',
        '<!-- litops: {"name":"b","needs":["a", "no-such-step"]} -->',
        '```bash',
        'echo b',
        '```',
        '',
      ].join('\n'),
    );
    const { code, graph } = await inspectJson(path);
    expect(graph.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).not.toHaveLength(0);
    expect(code).toBe(1);
  });

  it('stops quietly when the reader of its output goes away (EPIPE)', async () => {
    const path = join(dir, 'long.md');
    const steps = Array.from({ length: 400 }, (_, index) => `${index + 1}. **Step ${index + 1}**\n\n   \`\`\`bash\n   echo ${'x'.repeat(200)}\n   \`\`\`\n`);
    await writeFile(path, `# Long\n\n## Procedure\n\n${steps.join('\n')}`);
    const script = `"${process.execPath}" bin/litops.js inspect "${path}" --json | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`;
    const piped = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(piped.stderr).toBe('');
    expect(['0', '1']).toContain(piped.stdout.trim());
  });
});
